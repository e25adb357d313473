import { Kvm, type KV } from '@nats-io/kv';
import type { JetStreamClient } from '@nats-io/jetstream';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
	accountThrottle,
	addressThrottle,
	recordFailure,
	throttleWait,
	type FailureRecord,
	type ThrottlePolicy
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

	/** Milliseconds until this account may be tried from this address (0: now). */
	async wait(username: string, address: string, now = Date.now()): Promise<number> {
		const [a, b] = await Promise.all([
			this.#read(key('acct', username)),
			this.#read(key('addr', address))
		]);
		return Math.max(throttleWait(a.record, now), throttleWait(b.record, now));
	}

	async failed(username: string, address: string, now = Date.now()): Promise<void> {
		await Promise.all([
			this.#count(key('acct', username), accountThrottle, now),
			this.#count(key('addr', address), addressThrottle, now)
		]);
	}

	async succeeded(username: string): Promise<void> {
		await this.kv.delete(key('acct', username));
	}

	async #count(k: string, policy: ThrottlePolicy, now: number): Promise<void> {
		for (let attempt = 0; attempt < 5; attempt++) {
			const { record, revision } = await this.#read(k);
			const next = JSON.stringify(recordFailure(record, now, policy));
			try {
				if (revision === 0) await this.kv.create(k, next);
				else await this.kv.update(k, next, revision);
				return;
			} catch {
				// Another process counted at the same moment: read again and count on top.
			}
		}
		throw new Error('sign-in throttle: could not record a failure (contention)');
	}
}
