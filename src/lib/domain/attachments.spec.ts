import { describe, expect, it } from 'vitest';
import { bodyLimitOf, DEFAULT_BODY_BYTES, MAX_UPLOAD_BODY_BYTES } from './attachments';

describe('attachments', () => {
	it('attachments - only upload forms take large bodies', () => {
		expect(bodyLimitOf('/m/m-a/purchase')).toBe(MAX_UPLOAD_BODY_BYTES);
		expect(bodyLimitOf('/login')).toBe(DEFAULT_BODY_BYTES);
		expect(bodyLimitOf('/registry/import')).toBe(MAX_UPLOAD_BODY_BYTES);
		expect(bodyLimitOf('/m/m-a/purchase/x')).toBe(DEFAULT_BODY_BYTES);
		expect(bodyLimitOf('/m/m-a/sample')).toBe(DEFAULT_BODY_BYTES);
		expect(bodyLimitOf('/m/m-a/rectification/ai_detection%3Am-a%3A2026-11-28')).toBe(
			MAX_UPLOAD_BODY_BYTES
		);
		expect(bodyLimitOf('/m/m-a/rectification')).toBe(DEFAULT_BODY_BYTES);
	});
});
