import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';

// argon2id with the library's defaults: 19 MiB, 2 passes, 1 lane (OWASP's minimum for argon2id),
// ~50 ms here: slow for a guesser, quick enough for a person.
// 2 is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const options = { algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time a real check takes when there is no user to check against, so how long a
 * refusal takes does not tell whether the account exists.
 */
export async function burnVerify(password: string): Promise<void> {
	dummy ??= hashPassword('no such user, but the same work');
	await verifyPassword(await dummy, password);
}

// No 0/O, 1/l/I: a one-time password is read off a screen and typed by hand.
const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password (16 characters, ~93 bits), to be changed at the first sign-in. */
export function oneTimePassword(length = 16): string {
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
	return out;
}
