import { describe, expect, it } from 'vitest';
import { isLoopback } from './loopback';

describe('isLoopback', () => {
	it('knows this machine in every form uWS writes it', () => {
		for (const a of [
			'127.0.0.1',
			'127.1.2.3',
			'::1',
			'::ffff:127.0.0.1',
			'0000:0000:0000:0000:0000:0000:0000:0001',
			'0000:0000:0000:0000:0000:ffff:7f00:0001'
		]) {
			expect(isLoopback(a), a).toBe(true);
		}
	});

	it('is nobody else', () => {
		for (const a of [
			'',
			'10.0.0.1',
			'192.168.1.127',
			'0000:0000:0000:0000:0000:ffff:0a00:0001',
			'fe80:0000:0000:0000:0000:0000:0000:0001',
			'0000:0000:0000:0000:0000:0000:0000:0000'
		]) {
			expect(isLoopback(a), a).toBe(false);
		}
	});
});
