import { Kvm, type KV, type KvEntry } from '@nats-io/kv';
import type { JetStreamClient } from '@nats-io/jetstream';
import { z } from 'zod';
import { accountEvent, type AccountEventOf } from '../../domain/accounts/account-events';
import { uuidv7 } from '../../domain/ids';
import { accountSubject } from '../../domain/subjects';
import { newPosKey, parsePosKey, secretMatches } from './keys';

export const POS_KEYS_BUCKET = 'fs_pos_keys';

const keyRecord = z.object({
	keyId: z.string(),
	merchantId: z.string(),
	label: z.string(),
	/** SHA-256 of the secret, hex. */
	hash: z.string().regex(/^[0-9a-f]{64}$/),
	issuedAt: z.string(),
	issuedBy: z.string(),
	revokedAt: z.string().nullable(),
	revokedBy: z.string().nullable()
});
export type PosKeyState = Omit<z.infer<typeof keyRecord>, 'hash'>;

/** Who issues or revokes a key: the owner's user name and where the request came from. */
export interface PosKeyActor {
	id: string;
	address?: string;
}

/** Why a presented key does not let a POS in. */
export type PosKeyRefusal = 'malformed' | 'unknown' | 'revoked';

const live = (e: KvEntry | null) => (e && e.operation === 'PUT' ? e : null);
const stateOf = ({ hash: _hash, ...rest }: z.infer<typeof keyRecord>): PosKeyState => rest;

/**
 * Merchants' POS API keys in a NATS KV bucket (`key.<keyId>`), as wall screens keep their kiosk
 * tokens: the secret's hash, who issued it and when, and its revocation. Every web server sees
 * a revocation at the next request (no cache). Each issue and revocation is an audit event on
 * FS_ACCOUNTS, as a screen token's are (key id and label, never the secret or its hash).
 */
export class PosKeyStore {
	private constructor(
		private readonly js: JetStreamClient,
		private readonly kv: KV
	) {}

	static async open(js: JetStreamClient): Promise<PosKeyStore> {
		return new PosKeyStore(js, await new Kvm(js).create(POS_KEYS_BUCKET, { history: 1 }));
	}

	/** A new key for the shop; the key itself is returned once and never stored. */
	async issue(
		merchantId: string,
		label: string,
		by: PosKeyActor,
		now = new Date()
	): Promise<{ key: string; state: PosKeyState }> {
		const { keyId, key, hash } = newPosKey();
		const record = keyRecord.parse({
			keyId,
			merchantId,
			label,
			hash,
			issuedAt: now.toISOString(),
			issuedBy: by.id,
			revokedAt: null,
			revokedBy: null
		});
		await this.kv.create(`key.${keyId}`, JSON.stringify(record));
		await this.#audit(merchantId, 'pos_key.issued', by, { keyId, label: record.label }, now);
		return { key, state: stateOf(record) };
	}

	/** The shop's keys, newest first (revoked ones too: the page shows when they were withdrawn). */
	async list(merchantId: string): Promise<PosKeyState[]> {
		const out: PosKeyState[] = [];
		for await (const k of await this.kv.keys('key.*')) {
			const parsed = keyRecord.safeParse(live(await this.kv.get(k))?.json());
			if (parsed.success && parsed.data.merchantId === merchantId) out.push(stateOf(parsed.data));
		}
		return out.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
	}

	/** Withdraws a key of this shop; false when there is none in force by that id. */
	async revoke(
		merchantId: string,
		keyId: string,
		by: PosKeyActor,
		now = new Date()
	): Promise<boolean> {
		if (!/^[a-z0-9]{16}$/.test(keyId)) return false;
		const entry = live(await this.kv.get(`key.${keyId}`));
		const parsed = keyRecord.safeParse(entry?.json());
		if (!entry || !parsed.success || parsed.data.merchantId !== merchantId) return false;
		if (parsed.data.revokedAt) return false;
		const record = { ...parsed.data, revokedAt: now.toISOString(), revokedBy: by.id };
		await this.kv.put(`key.${keyId}`, JSON.stringify(record));
		await this.#audit(merchantId, 'pos_key.revoked', by, { keyId }, now);
		return true;
	}

	/** The shop a presented key speaks for, or why not. */
	async verify(
		key: string
	): Promise<{ ok: true; key: PosKeyState } | { ok: false; reason: PosKeyRefusal }> {
		const parts = parsePosKey(key);
		if (!parts) return { ok: false, reason: 'malformed' };
		const parsed = keyRecord.safeParse(live(await this.kv.get(`key.${parts.keyId}`))?.json());
		if (!parsed.success || !secretMatches(parts.secret, parsed.data.hash)) {
			return { ok: false, reason: 'unknown' };
		}
		if (parsed.data.revokedAt) return { ok: false, reason: 'revoked' };
		return { ok: true, key: stateOf(parsed.data) };
	}

	async #audit<T extends 'pos_key.issued' | 'pos_key.revoked'>(
		merchantId: string,
		type: T,
		by: PosKeyActor,
		payload: AccountEventOf<T>['payload'],
		now: Date
	): Promise<void> {
		const username = `pos:${merchantId}`;
		const event = accountEvent.parse({
			id: uuidv7(),
			type,
			v: 1,
			at: now.toISOString(),
			username,
			actor: by,
			payload
		});
		await this.js.publish(accountSubject(username), JSON.stringify(event), { msgID: event.id });
	}
}
