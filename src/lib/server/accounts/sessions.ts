import { Kvm, type KV } from '@nats-io/kv';
import type { JetStreamClient } from '@nats-io/jetstream';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const SESSIONS_BUCKET = 'fs_sessions';

export interface SessionLimits {
	/** A session unused this long ends (the bucket's TTL, renewed by use). */
	idleMs: number;
	/** A session ends this long after sign-in however much it is used. */
	maxMs: number;
}

const record = z.object({
	username: z.string(),
	/** The user's session epoch at sign-in: a later disable or password change voids it. */
	epoch: z.number().int(),
	createdAt: z.number(),
	seenAt: z.number(),
	address: z.string().max(64),
	userAgent: z.string().max(300)
});
export type Session = z.infer<typeof record> & { id: string };

// Renew the TTL at most this often: a write per request would cost more than the read.
const TOUCH_EVERY_MS = 60_000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Server-side sessions in a NATS KV bucket. The cookie holds `<username>.<token>`; the bucket
 * keeps only the token's SHA-256, so a copy of the bucket opens no session. Keys start with the
 * username so all of a user's sessions can be ended at once.
 */
export class SessionStore {
	private constructor(
		private readonly kv: KV,
		private readonly limits: SessionLimits
	) {}

	static async open(js: JetStreamClient, limits: SessionLimits): Promise<SessionStore> {
		const kv = await new Kvm(js).create(SESSIONS_BUCKET, { history: 1, ttl: limits.idleMs });
		return new SessionStore(kv, limits);
	}

	/** Starts a session; returns the cookie value (shown to nobody but the browser). */
	async start(
		input: Omit<z.infer<typeof record>, 'createdAt' | 'seenAt'>,
		now = Date.now()
	): Promise<{ cookie: string; id: string }> {
		const token = randomBytes(32).toString('base64url');
		const id = digest(token);
		await this.kv.put(
			`${input.username}.${id}`,
			JSON.stringify({ ...input, createdAt: now, seenAt: now })
		);
		return { cookie: `${input.username}.${token}`, id };
	}

	/** The session a cookie names, if it is alive; renews its idle timer now and then. */
	async resume(cookie: string | undefined, now = Date.now()): Promise<Session | null> {
		const parts = /^([a-z0-9_-]{3,32})\.([A-Za-z0-9_-]{43})$/.exec(cookie ?? '');
		if (!parts) return null;
		const id = digest(parts[2] as string);
		const key = `${parts[1]}.${id}`;
		const entry = await this.kv.get(key);
		if (!entry || entry.operation !== 'PUT') return null;
		const parsed = record.safeParse(entry.json());
		if (!parsed.success || parsed.data.username !== parts[1]) return null;
		const s = parsed.data;
		if (now - s.createdAt > this.limits.maxMs || now - s.seenAt > this.limits.idleMs) {
			await this.kv.delete(key);
			return null;
		}
		if (now - s.seenAt > TOUCH_EVERY_MS) {
			// Only over the entry just read: a put could bring back a session ended meanwhile.
			await this.kv.update(key, JSON.stringify({ ...s, seenAt: now }), entry.revision).catch(() => {
				// Ended or touched by another request meanwhile: either way nothing to renew here.
			});
		}
		return { ...s, id };
	}

	async end(username: string, id: string): Promise<void> {
		await this.kv.delete(`${username}.${id}`);
	}

	/** Ends every session of a user (disabled, password changed, access changed). */
	async endAll(username: string): Promise<number> {
		const keys: string[] = [];
		for await (const k of await this.kv.keys(`${username}.*`)) keys.push(k);
		await Promise.all(keys.map((k) => this.kv.delete(k)));
		return keys.length;
	}

	/** How many live sessions a user has (for the admin's list). */
	async count(username: string): Promise<number> {
		let n = 0;
		for await (const _ of await this.kv.keys(`${username}.*`)) n++;
		return n;
	}
}
