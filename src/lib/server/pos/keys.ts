import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A merchant's POS API key: `fspos_<keyId>_<secret>`. The key id finds the record; only the
 * secret's SHA-256 is kept, and a presented key is compared with it in constant time.
 */
const KEY_PATTERN = /^fspos_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

export const digestKeySecret = (secret: string): string =>
	createHash('sha256').update(secret).digest('hex');

export function parsePosKey(key: string): { keyId: string; secret: string } | null {
	const m = KEY_PATTERN.exec(key);
	return m ? { keyId: m[1] as string, secret: m[2] as string } : null;
}

/** A new key: show `key` once, store `hash`. */
export function newPosKey(): { keyId: string; key: string; hash: string } {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	const keyId = Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
	const secret = randomBytes(32).toString('base64url');
	return { keyId, key: `fspos_${keyId}_${secret}`, hash: digestKeySecret(secret) };
}

/** Whether a presented secret hashes to the stored hash (constant time). */
export function secretMatches(secret: string, storedHash: string): boolean {
	const given = Buffer.from(digestKeySecret(secret), 'hex');
	const stored = Buffer.from(storedHash, 'hex');
	return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The name a key goes by on the page and in logs: the start of its id, never its secret. */
export const keyHint = (keyId: string): string => `fspos_${keyId.slice(0, 6)}…`;
