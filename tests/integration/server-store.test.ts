import { createChdbConnection } from 'chdb/connection';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../clickhouse/migrate';
import { openServerStore, type ServerStoreOptions } from '../../clickhouse/server-store';
import type { Store } from '../../clickhouse/store';
import { eventLine } from '../../stream-processor/state/rows';
import { sale } from '../helpers/events';

// The ClickHouse-server store (@clickhouse/client), with chDB's engine as its backend
// connection: Debian's ClickHouse (18.16) is too old for these migrations.
let dir: string;
let store: Store;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'fs-server-store-'));
	store = openServerStore({
		url: 'http://127.0.0.1:8123',
		// chdb bundles its own copy of the client's types; the object is the same interface.
		connection: createChdbConnection({
			path: join(dir, 'ch')
		}) as unknown as ServerStoreOptions['connection']
	});
});
afterAll(async () => {
	await store?.close();
	await rm(dir, { recursive: true, force: true });
});

describe('server store', () => {
	it('store - the same migrations, inserts and bound queries work through @clickhouse/client', async () => {
		expect(await migrate(store)).toHaveLength((await loadMigrations()).length);
		expect(await migrate(store)).toEqual([]);
		const e = sale('m-srv-1');
		await store.insertLines('events', eventLine(e, 1));
		await store.insert('merchants', [
			{
				id: 'm-srv-1',
				name: '服务器测试店',
				districtId: '370102',
				businessType: 'restaurant',
				scale: 'small',
				status: 'operating',
				creditCode: '',
				address: '',
				lon: 117,
				lat: 36.6,
				updatedAt: e.occurredAt,
				version: 1
			}
		]);
		const rows = await store.query<{ id: string; payload: string; n: number }>(
			'SELECT toString(id) AS id, payload, count() OVER () AS n FROM events WHERE merchantId = {m:String}',
			{ m: 'm-srv-1' }
		);
		expect(rows).toHaveLength(1);
		expect(rows[0]?.id).toBe(e.id);
		expect(JSON.parse(rows[0]!.payload)).toEqual(e.payload);
		const perMinute = await store.query<{ n: number }>(
			'SELECT sum(events) AS n FROM events_per_minute'
		);
		expect(perMinute[0]?.n).toBe(1);
		expect(await store.ping()).toBe(true);
	});
});
