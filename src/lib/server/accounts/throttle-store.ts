import { Kvm, type KV } from '@nats-io/kv';
import type { JetStreamClient } from '@nats-io/jetstream';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
	accountThrottle,
	addressThrottle,
	recordFailure,
	throttleWait,
	type FailureRecord
} from '../../domain/accounts/throttle';

export const THROTTLE_BUCKET = 'fs_signin_throttle';

const failureRecord = z.object({
	failures: z.number().int(),
	firstAt: z.number(),
	lockedUntil: z.number()
});

// Typed usernames and addresses are anything; a digest makes them safe keys and keeps them private.
const key = (kind: 'acct' | 'addr', value: string) =>
	`${kind}.${createHash('sha256').update(value.toLowerCase()).digest('hex').slice(0, 40)}`;

/**
 * Failure counters shared by every web server process (a KV bucket, not memory: two processes
 * behind a balancer must not each allow their own five guesses). Updates are compare-and-set.
 */
export class SignInThrottle {
	private constructor(private readonly kv: KV) {}

	static async open(js: JetStreamClient): Promise<SignInThrottle> {
		const ttl = Math.max(accountThrottle.windowMs, addressThrottle.windowMs);
		return new SignInThrottle(await new Kvm(js).create(THROTTLE_BUCKET, { history: 1, ttl }));
	}

	async #read(k: string): Promise<{ record: FailureRecord | null; revision: number }> {
		const entry = await this.kv.get(k);
		if (!entry || entry.operation !== 'PUT') return { record: null, revision: 0 };
		const parsed = failureRecord.safeParse(entry.json());
		return { record: parsed.success ? parsed.data : null, revision: entry.revision };
	}

	/**
	 * Claims one try at this account from this address. Refused (with the wait) while either is
	 * locked. Otherwise the try is counted as a failure before the password is checked, with a
	 * compare-and-set, so parallel guesses cannot all pass the check before any is counted;
	 * `succeeded` takes the count back. If the count cannot be taken, the try is refused.
	 */
	async claim(
		username: string,
		address: string,
		now = Date.now()
	): Promise<{ ok: true } | { ok: false; waitMs: number }> {
		const addressWait = throttleWait((await this.#read(key('addr', address))).record, now);
		if (addressWait > 0) return { ok: false, waitMs: addressWait };
		const k = key('acct', username);
		for (let attempt = 0; attempt < 8; attempt++) {
			const { record, revision } = await this.#read(k);
			const wait = throttleWait(record, now);
			if (wait > 0) return { ok: false, waitMs: wait };
			if (await this.#write(k, recordFailure(record, now, accountThrottle), revision)) {
				return { ok: true };
			}
		}
		return { ok: false, waitMs: 1_000 };
	}

	/** A wrong password from this address (the account's try is already counted by `claim`). */
	async failedFrom(address: string, now = Date.now()): Promise<void> {
		const k = key('addr', address);
		for (let attempt = 0; attempt < 8; attempt++) {
			const { record, revision } = await this.#read(k);
			if (await this.#write(k, recordFailure(record, now, addressThrottle), revision)) return;
		}
		// Contention on one address's counter: it is a flood bound, a miss here is harmless.
	}

	/** The password was right: the account's counted try is taken back. */
	async succeeded(username: string): Promise<void> {
		await this.kv.delete(key('acct', username));
	}

	async #write(k: string, record: FailureRecord, revision: number): Promise<boolean> {
		try {
			if (revision === 0) await this.kv.create(k, JSON.stringify(record));
			else await this.kv.update(k, JSON.stringify(record), revision);
			return true;
		} catch {
			// Another process wrote first: the caller reads again.
			return false;
		}
	}
}
