import { describe, expect, it } from 'vitest';
import { parseKioskToken } from '../../domain/command/screen-access';
import { digestSecret, fingerprintOf, newKioskToken, tokenMatches } from './tokens';

describe('kiosk tokens', () => {
	it('screens - a token names its screen; only the hash of its secret is kept', () => {
		const { token, hash } = newKioskToken('scr-abcdefghij');
		const parts = parseKioskToken(token);
		expect(parts?.screenId).toBe('scr-abcdefghij');
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(hash).toBe(digestSecret(parts?.secret ?? ''));
		expect(hash).not.toContain(parts?.secret);
		expect(fingerprintOf(hash)).toBe(hash.slice(0, 8));
		// Two tokens never share a secret.
		expect(newKioskToken('scr-abcdefghij').hash).not.toBe(hash);
	});

	it('screens - a token matches its own hash and screen only', () => {
		const { token, hash } = newKioskToken('scr-abcdefghij');
		const other = newKioskToken('scr-abcdefghij');
		expect(tokenMatches(token, 'scr-abcdefghij', hash)).toBe(true);
		expect(tokenMatches(other.token, 'scr-abcdefghij', hash)).toBe(false);
		expect(tokenMatches(token, 'scr-0000000000', hash)).toBe(false);
		expect(tokenMatches(token.slice(0, -1), 'scr-abcdefghij', hash)).toBe(false);
		expect(tokenMatches(token, 'scr-abcdefghij', 'not-hex')).toBe(false);
	});
});
