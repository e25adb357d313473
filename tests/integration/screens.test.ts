import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenSettings } from '../../src/lib/domain/command/screen-config';
import { parseKioskToken } from '../../src/lib/domain/command/screen-access';
import { openAccountServices, type AccountServices } from '../../src/lib/server/accounts/open';
import { readAudit } from '../../src/lib/server/accounts/audit';
import { SCREENS_BUCKET, ScreenError, ScreenStore } from '../../src/lib/server/screens/store';
import { startNats, type TestNats } from '../helpers/nats-server';

let nats: TestNats;
let nc: NatsConnection;
let accounts: AccountServices;
let store: ScreenStore;
const root = { id: 'root', address: '10.0.0.9' };
const other = { id: 'root2', address: '10.0.0.8' };
const lobby = { ...defaultScreenSettings(['370102']), name: '历下大厅' };

beforeAll(async () => {
	nats = await startNats();
	nc = await connect({ servers: nats.url });
	// The audit stream exists once accounts are open, as on the web server.
	accounts = await openAccountServices(nc, { log: () => {} });
	store = await ScreenStore.open(jetstream(nc));
});
afterAll(async () => {
	accounts?.close();
	await nc?.drain();
	await nats?.stop();
});

describe('screen store', () => {
	it('screens - created at version 1; a save on a stale version is refused, not merged', async () => {
		const created = await store.create(lobby, root);
		expect(created).toMatchObject({ name: '历下大厅', version: 1, districts: ['370102'] });
		expect(created.id).toMatch(/^scr-[a-z0-9]{10}$/);
		expect(await store.get(created.id)).toEqual(created);

		const v2 = await store.save(created.id, { ...lobby, takeoverSeconds: 0 }, 1, root);
		expect(v2).toMatchObject({ version: 2, takeoverSeconds: 0 });
		// Another admin's form was shown version 1: refused, and told the version in force.
		const stale = await store
			.save(created.id, { ...lobby, name: '旧表单' }, 1, other)
			.catch((e) => e);
		expect(stale).toBeInstanceOf(ScreenError);
		expect(stale).toMatchObject({ code: 'stale', current: 2 });
		expect((await store.get(created.id))?.name).toBe('历下大厅');

		// Two saves of version 2 at once: exactly one wins.
		const results = await Promise.allSettled([
			store.save(created.id, { ...lobby, name: '甲' }, 2, root),
			store.save(created.id, { ...lobby, name: '乙' }, 2, other)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(lost.reason).toMatchObject({ code: 'stale', current: 3 });
		expect((await store.get(created.id))?.version).toBe(3);

		await expect(store.save('scr-0000000000', lobby, 1, root)).rejects.toMatchObject({
			code: 'unknown'
		});
	});

	it('screens - a token signs in until it is replaced or revoked; only its hash is kept', async () => {
		const { id } = await store.create({ ...lobby, name: '市局大屏', districts: [] }, root);
		expect(await store.verify(`${id}.${'x'.repeat(43)}`)).toEqual({ ok: false, reason: 'unknown' });

		const first = await store.issueToken(id, root);
		const signedIn = await store.verify(first.token);
		expect(signedIn.ok && signedIn.screen.id).toBe(id);
		expect(first.state).toMatchObject({ issuedBy: 'root', revokedAt: null });
		expect(first.state).not.toHaveProperty('hash');
		// What the bucket holds names no secret.
		const kv = await new Kvm(jetstream(nc)).open(SCREENS_BUCKET);
		const stored = (await kv.get(`token.${id}`))?.string() ?? '';
		expect(stored).not.toContain(parseKioskToken(first.token)?.secret);
		expect(JSON.parse(stored).hash).toMatch(/^[0-9a-f]{64}$/);

		// A new token replaces the old one at once.
		const second = await store.issueToken(id, root);
		expect(await store.verify(first.token)).toEqual({ ok: false, reason: 'replaced' });
		expect((await store.verify(second.token)).ok).toBe(true);

		expect(await store.revokeToken(id, root)).toBe(true);
		expect(await store.verify(second.token)).toEqual({ ok: false, reason: 'revoked' });
		expect(await store.revokeToken(id, root)).toBe(false);
		expect((await store.tokenState(id))?.revokedAt).toEqual(expect.any(String));
		expect(await store.verify('revoked')).toEqual({ ok: false, reason: 'malformed' });

		await store.touch(id, new Date('2026-11-20T08:00:00Z'));
		expect(await store.lastSeen(id)).toBe('2026-11-20T08:00:00.000Z');
		const row = (await store.list()).find((r) => r.config.id === id);
		expect(row).toMatchObject({ lastSeen: '2026-11-20T08:00:00.000Z' });
		expect(row?.token?.revokedAt).toEqual(expect.any(String));

		// Deleted: its token is gone with it.
		const third = await store.issueToken(id, root);
		await store.delete(id, root);
		expect(await store.verify(third.token)).toEqual({ ok: false, reason: 'unknown' });
		expect(await store.get(id)).toBeNull();
	});

	it('screens - two admins revoking at once: one revokes, the other is told it was done', async () => {
		const { id } = await store.create({ ...lobby, name: '并发屏' }, root);
		const { token } = await store.issueToken(id, root);
		const results = await Promise.all([store.revokeToken(id, root), store.revokeToken(id, other)]);
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(await store.verify(token)).toEqual({ ok: false, reason: 'revoked' });
	});

	it('screens - settings this version cannot read are a fault to retry, not a revoked screen', async () => {
		const { id } = await store.create({ ...lobby, name: '升级屏' }, root);
		const { token } = await store.issueToken(id, root);
		const kv = await new Kvm(jetstream(nc)).open(SCREENS_BUCKET);
		await kv.put(`config.${id}`, JSON.stringify({ id, layout: 'from a later version' }));
		await expect(store.verify(token)).rejects.toThrow(/do not parse/);
	});

	it('screens - every change is in the audit trail, with its admin and no secret', async () => {
		const { id } = await store.create({ ...lobby, name: '审计屏' }, root);
		await store.save(id, { ...lobby, name: '审计屏二' }, 1, root);
		const { token } = await store.issueToken(id, root);
		await store.revokeToken(id, other);
		const js = jetstream(nc);
		const { items } = await readAudit(js, await jetstreamManager(nc), {
			username: `screen:${id}`,
			kind: 'accounts',
			since: new Date(Date.now() - 60_000),
			limit: 50
		});
		// Sorted by time only to the millisecond: compare as a set.
		expect(items.map((e) => `${e.type} ${e.actor.id}`).sort()).toEqual([
			'screen.saved root',
			'screen.saved root',
			'screen.token_issued root',
			'screen.token_revoked root2'
		]);
		expect(JSON.stringify(items)).not.toContain(parseKioskToken(token)?.secret);
		// Screen events fold into no account.
		expect(accounts.directory.get(`screen:${id}`)).toBeUndefined();
	});
});
