import { describe, expect, it } from 'vitest';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import type { Camera } from '../../src/lib/domain/video/camera';
import { admit, httpStatusOf } from './admission';

const camera = (publicView: boolean): Camera => ({
	cameraId: 'c1',
	merchantId: 'm-a',
	districtId: '370102',
	name: '后厨',
	area: 'cooking',
	source: { kind: 'test_pattern' },
	publicView,
	recording: false,
	retentionDays: 7,
	status: 'online',
	updatedAt: '2026-11-29T00:00:00.000Z'
});
const owner = (m: string): TicketClaims => ({
	sub: 'o',
	role: 'merchant_owner',
	districts: [],
	merchants: [m]
});
const sup = (d: string): TicketClaims => ({
	sub: 's',
	role: 'supervisor',
	districts: [d],
	merchants: []
});

describe('admission', () => {
	it('admission - the public watches public cameras only, and counts against the cap', () => {
		expect(admit({ claims: null }, camera(true), 0, 2)).toMatchObject({ ok: true, isPublic: true });
		expect(admit({ claims: null }, camera(false), 0, 2)).toMatchObject({ ok: false, code: 4403 });
		expect(admit({ claims: null }, camera(true), 2, 2)).toMatchObject({ ok: false, code: 4429 });
	});

	it('admission - merchants their own, regulators their districts; neither counts as a diner', () => {
		expect(admit({ claims: owner('m-a') }, camera(false), 99, 2)).toMatchObject({
			ok: true,
			isPublic: false
		});
		expect(admit({ claims: owner('m-b') }, camera(false), 0, 2)).toMatchObject({
			ok: false,
			code: 4403
		});
		expect(admit({ claims: sup('370102') }, camera(false), 99, 2)).toMatchObject({ ok: true });
		expect(admit({ claims: sup('370103') }, camera(false), 0, 2)).toMatchObject({
			ok: false,
			code: 4403
		});
		// Another merchant on a public camera is a diner like anyone.
		expect(admit({ claims: owner('m-b') }, camera(true), 2, 2)).toMatchObject({
			ok: false,
			code: 4429
		});
	});

	it('admission - a bad ticket is 4401 and an unknown camera 4404; HTTP statuses follow', () => {
		expect(admit({ ticketError: 'ticket expired' }, camera(true), 0, 2)).toMatchObject({
			ok: false,
			code: 4401
		});
		expect(admit({ claims: sup('370102') }, undefined, 0, 2)).toMatchObject({
			ok: false,
			code: 4404
		});
		expect(httpStatusOf(4403)).toBe(403);
	});
});
