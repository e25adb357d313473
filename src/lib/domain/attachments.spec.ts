import { describe, expect, it } from 'vitest';
import type { TicketClaims } from './auth/claims';
import {
	bodyLimitOf,
	DEFAULT_BODY_BYTES,
	mayViewAttachment,
	MAX_UPLOAD_BODY_BYTES
} from './attachments';

const photo = { merchantId: 'm-a', districtId: '370102' };
const claims = (role: TicketClaims['role'], districts: string[], merchants: string[]) => ({
	sub: 'x',
	role,
	districts,
	merchants
});

describe('attachments', () => {
	it("attachments - seen by the shop's people and the district's regulators only", () => {
		expect(mayViewAttachment(claims('merchant_staff', [], ['m-a']), photo)).toBe(true);
		expect(mayViewAttachment(claims('merchant_owner', [], ['m-b']), photo)).toBe(false);
		expect(mayViewAttachment(claims('supervisor', ['370102'], []), photo)).toBe(true);
		expect(mayViewAttachment(claims('inspector', ['370102'], []), photo)).toBe(true);
		expect(mayViewAttachment(claims('supervisor', ['370103'], []), photo)).toBe(false);
		expect(mayViewAttachment(claims('admin', [], []), photo)).toBe(true);
	});

	it('attachments - only upload forms take large bodies', () => {
		expect(bodyLimitOf('/m/m-a/purchase')).toBe(MAX_UPLOAD_BODY_BYTES);
		expect(bodyLimitOf('/login')).toBe(DEFAULT_BODY_BYTES);
		expect(bodyLimitOf('/m/m-a/purchase/x')).toBe(DEFAULT_BODY_BYTES);
		expect(bodyLimitOf('/m/m-a/sample')).toBe(DEFAULT_BODY_BYTES);
	});
});
