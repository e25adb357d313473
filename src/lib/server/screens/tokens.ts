import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseKioskToken } from '../../domain/command/screen-access';

/** What the store keeps of a kiosk token: its secret's SHA-256, never the secret. */
export const digestSecret = (secret: string): string =>
	createHash('sha256').update(secret).digest('hex');

/** A new kiosk token for a screen; the caller shows `token` once and stores only `hash`. */
export function newKioskToken(screenId: string): { token: string; hash: string } {
	const secret = randomBytes(32).toString('base64url');
	return { token: `${screenId}.${secret}`, hash: digestSecret(secret) };
}

/** The audit's name for a token: the first digits of its hash. */
export const fingerprintOf = (hash: string): string => hash.slice(0, 8);

/**
 * Whether a presented token is the screen's current one: its screen id, and its secret's hash
 * equal to the stored hash (compared in constant time).
 */
export function tokenMatches(token: string, screenId: string, storedHash: string): boolean {
	const parts = parseKioskToken(token);
	if (!parts || parts.screenId !== screenId) return false;
	const given = Buffer.from(digestSecret(parts.secret), 'hex');
	const stored = Buffer.from(storedHash, 'hex');
	return given.length === stored.length && timingSafeEqual(given, stored);
}
