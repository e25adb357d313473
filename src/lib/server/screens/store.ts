import { Kvm, type KV, type KvEntry } from '@nats-io/kv';
import type { JetStreamClient } from '@nats-io/jetstream';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { accountEvent, type AccountEventOf } from '../../domain/accounts/account-events';
import { parseKioskToken } from '../../domain/command/screen-access';
import {
	screenConfig,
	type ScreenConfig,
	type ScreenSettings
} from '../../domain/command/screen-config';
import { uuidv7 } from '../../domain/ids';
import { accountSubject } from '../../domain/subjects';
import { fingerprintOf, newKioskToken, tokenMatches } from './tokens';

export const SCREENS_BUCKET = 'fs_screens';

export type ScreenErrorCode = 'unknown' | 'stale';

export class ScreenError extends Error {
	override name = 'ScreenError';
	constructor(
		message: string,
		readonly code: ScreenErrorCode,
		/** For `stale`: the version in force now. */
		readonly current?: number,
		options?: ErrorOptions
	) {
		super(message, options);
	}
}

const tokenRecord = z.object({
	/** SHA-256 of the secret, hex. */
	hash: z.string().regex(/^[0-9a-f]{64}$/),
	issuedAt: z.string(),
	issuedBy: z.string(),
	revokedAt: z.string().nullable()
});
export type TokenState = Omit<z.infer<typeof tokenRecord>, 'hash'> & { fingerprint: string };

export interface ScreenActor {
	id: string;
	address?: string;
}

/** Why a kiosk token does not sign a screen in. */
export type Refusal = 'malformed' | 'unknown' | 'revoked' | 'replaced';

const keys = {
	config: (id: string) => `config.${id}`,
	token: (id: string) => `token.${id}`,
	seen: (id: string) => `seen.${id}`
};

const newScreenId = () => {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	return `scr-${Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join('')}`;
};

const live = (e: KvEntry | null) => (e && e.operation === 'PUT' ? e : null);

/**
 * Wall screens in a NATS KV bucket: each screen's settings (`config.<id>`, versioned; a save
 * names the version it was edited on and loses to any save in between), its kiosk token
 * (`token.<id>`: the secret's hash, issued and revoked times) and when it was last seen
 * (`seen.<id>`, apart so a screen's visits never move its settings' revision). Every change an
 * admin makes is an audit event on FS_ACCOUNTS, as account changes are.
 */
export class ScreenStore {
	private constructor(
		private readonly js: JetStreamClient,
		private readonly kv: KV
	) {}

	static async open(js: JetStreamClient): Promise<ScreenStore> {
		return new ScreenStore(js, await new Kvm(js).create(SCREENS_BUCKET, { history: 1 }));
	}

	async get(id: string): Promise<ScreenConfig | null> {
		return (await this.#config(id))?.config ?? null;
	}

	/** Every screen with its token's state and last visit, by name. */
	async list(): Promise<
		{ config: ScreenConfig; token: TokenState | null; lastSeen: string | null }[]
	> {
		const ids: string[] = [];
		for await (const k of await this.kv.keys('config.*')) ids.push(k.slice('config.'.length));
		const rows = await Promise.all(
			ids.map(async (id) => {
				const [config, token, lastSeen] = await Promise.all([
					this.get(id),
					this.tokenState(id),
					this.lastSeen(id)
				]);
				return config && { config, token, lastSeen };
			})
		);
		return rows
			.filter((r) => r !== null)
			.sort((a, b) => a.config.name.localeCompare(b.config.name, 'zh-CN'));
	}

	async create(
		settings: ScreenSettings,
		actor: ScreenActor,
		now = new Date()
	): Promise<ScreenConfig> {
		const config = screenConfig.parse({
			...settings,
			id: newScreenId(),
			version: 1,
			updatedAt: now.toISOString()
		});
		await this.kv.create(keys.config(config.id), JSON.stringify(config));
		await this.#audit(config.id, 'screen.saved', actor, { version: 1, settings });
		return config;
	}

	/**
	 * Saves settings edited on `baseVersion`. Another save since (or one racing this) makes it
	 * stale: refused, never merged, so no admin's change is silently undone.
	 */
	async save(
		id: string,
		settings: ScreenSettings,
		baseVersion: number,
		actor: ScreenActor,
		now = new Date()
	): Promise<ScreenConfig> {
		const found = await this.#config(id);
		if (!found) throw new ScreenError(`no screen ${id}`, 'unknown');
		const stale = () =>
			new ScreenError(`screen ${id} changed meanwhile`, 'stale', found.config.version);
		if (found.config.version !== baseVersion) throw stale();
		const config = screenConfig.parse({
			...settings,
			id,
			version: baseVersion + 1,
			updatedAt: now.toISOString()
		});
		try {
			await this.kv.update(keys.config(id), JSON.stringify(config), found.revision);
		} catch (cause) {
			if (/wrong last sequence/i.test(String((cause as Error).message))) {
				const current = (await this.get(id))?.version;
				throw new ScreenError(`screen ${id} changed meanwhile`, 'stale', current, { cause });
			}
			throw cause;
		}
		await this.#audit(id, 'screen.saved', actor, { version: config.version, settings });
		return config;
	}

	/** Removes a screen and its token: its kiosk is signed out at its next request. */
	async delete(id: string, actor: ScreenActor): Promise<void> {
		if (!(await this.get(id))) throw new ScreenError(`no screen ${id}`, 'unknown');
		await Promise.all([
			this.kv.delete(keys.config(id)),
			this.kv.delete(keys.token(id)),
			this.kv.delete(keys.seen(id))
		]);
		await this.#audit(id, 'screen.deleted', actor, {});
	}

	/** A new kiosk token; the screen's previous one stops working. Shown once, never stored. */
	async issueToken(
		id: string,
		actor: ScreenActor,
		now = new Date()
	): Promise<{ token: string; state: TokenState }> {
		if (!(await this.get(id))) throw new ScreenError(`no screen ${id}`, 'unknown');
		const { token, hash } = newKioskToken(id);
		const record = {
			hash,
			issuedAt: now.toISOString(),
			issuedBy: actor.id,
			revokedAt: null
		};
		await this.kv.put(keys.token(id), JSON.stringify(record));
		await this.#audit(id, 'screen.token_issued', actor, { token: fingerprintOf(hash) });
		return { token, state: stateOf(record) };
	}

	/** Withdraws the screen's token; false when it had none in force. */
	async revokeToken(id: string, actor: ScreenActor, now = new Date()): Promise<boolean> {
		const entry = live(await this.kv.get(keys.token(id)));
		const parsed = entry && tokenRecord.safeParse(entry.json());
		if (!parsed?.success || parsed.data.revokedAt) return false;
		const record = { ...parsed.data, revokedAt: now.toISOString() };
		// Over the record just read: a token issued meanwhile is not revoked by this older view.
		try {
			await this.kv.update(keys.token(id), JSON.stringify(record), (entry as KvEntry).revision);
		} catch (cause) {
			// Another admin revoked or reissued meanwhile: ask again over what is there now.
			if (/wrong last sequence/i.test(String((cause as Error).message))) {
				return this.revokeToken(id, actor, now);
			}
			throw cause;
		}
		await this.#audit(id, 'screen.token_revoked', actor, { token: fingerprintOf(record.hash) });
		return true;
	}

	async tokenState(id: string): Promise<TokenState | null> {
		const parsed = tokenRecord.safeParse(live(await this.kv.get(keys.token(id)))?.json());
		return parsed.success ? stateOf(parsed.data) : null;
	}

	/** The screen a kiosk token signs in, or why not. */
	async verify(
		token: string
	): Promise<{ ok: true; screen: ScreenConfig } | { ok: false; reason: Refusal }> {
		const parts = parseKioskToken(token);
		if (!parts) return { ok: false, reason: 'malformed' };
		const [configEntry, entry] = await Promise.all([
			this.kv.get(keys.config(parts.screenId)).then(live),
			this.kv.get(keys.token(parts.screenId)).then(live)
		]);
		if (!configEntry || !entry) return { ok: false, reason: 'unknown' };
		const config = screenConfig.safeParse(configEntry.json());
		const record = tokenRecord.safeParse(entry.json());
		// Stored but not readable by this version (an upgrade changed the schema): a fault to
		// retry, never a refusal, or every wall would lose its kiosk cookie and need a keyboard.
		if (!config.success || !record.success) {
			throw new Error(`screen ${parts.screenId}: stored settings or token do not parse`);
		}
		if (!tokenMatches(token, parts.screenId, record.data.hash)) {
			return { ok: false, reason: 'replaced' };
		}
		if (record.data.revokedAt) return { ok: false, reason: 'revoked' };
		return { ok: true, screen: config.data };
	}

	/** Notes a screen's visit (the caller throttles). */
	async touch(id: string, now = new Date()): Promise<void> {
		await this.kv.put(keys.seen(id), now.toISOString());
	}

	async lastSeen(id: string): Promise<string | null> {
		return live(await this.kv.get(keys.seen(id)))?.string() ?? null;
	}

	async #config(id: string): Promise<{ config: ScreenConfig; revision: number } | null> {
		const entry = live(await this.kv.get(keys.config(id)));
		const parsed = screenConfig.safeParse(entry?.json());
		return entry && parsed.success ? { config: parsed.data, revision: entry.revision } : null;
	}

	async #audit<
		T extends 'screen.saved' | 'screen.deleted' | 'screen.token_issued' | 'screen.token_revoked'
	>(id: string, type: T, actor: ScreenActor, payload: AccountEventOf<T>['payload']): Promise<void> {
		const username = `screen:${id}`;
		const event = accountEvent.parse({
			id: uuidv7(),
			type,
			v: 1,
			at: new Date().toISOString(),
			username,
			actor,
			payload
		});
		await this.js.publish(accountSubject(username), JSON.stringify(event), { msgID: event.id });
	}
}

function stateOf({ hash, ...rest }: z.infer<typeof tokenRecord>): TokenState {
	return { ...rest, fingerprint: fingerprintOf(hash) };
}
