import { describe, expect, it } from 'vitest';
import { digestKeySecret, newPosKey, parsePosKey, secretMatches } from './keys';

describe('POS API keys', () => {
	it('pos - a key names its id; only the hash of its secret is kept and it matches only itself', () => {
		const { keyId, key, hash } = newPosKey();
		const parts = parsePosKey(key);
		expect(parts?.keyId).toBe(keyId);
		expect(hash).toBe(digestKeySecret(parts?.secret ?? ''));
		expect(hash).not.toContain(parts?.secret);
		expect(secretMatches(parts?.secret ?? '', hash)).toBe(true);
		const other = parsePosKey(newPosKey().key);
		expect(secretMatches(other?.secret ?? '', hash)).toBe(false);
		expect(secretMatches(parts?.secret ?? '', 'not-hex')).toBe(false);
		expect(parsePosKey(key.slice(0, -1))).toBeNull();
		expect(parsePosKey(`Bearer ${key}`)).toBeNull();
	});
});
