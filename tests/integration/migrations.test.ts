import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../clickhouse/migrate';
import { openChdbStore } from '../../clickhouse/chdb-store';
import type { Store } from '../../clickhouse/store';

let dir: string;
let store: Store;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'fs-migrate-'));
	store = openChdbStore(join(dir, 'ch'));
});
afterAll(async () => {
	await store?.close();
	await rm(dir, { recursive: true, force: true });
});

const schema = () =>
	store.query<{ name: string; create: string }>(
		'SELECT name, create_table_query AS create FROM system.tables WHERE database = currentDatabase() ORDER BY name'
	);

describe('migrations', () => {
	it('migrations - a second run applies nothing and changes nothing', async () => {
		const first = await migrate(store);
		expect(first).toEqual([
			'0001_events.sql',
			'0002_entities.sql',
			'0003_alerts.sql',
			'0004_rollups.sql',
			'0005_licence_source_event.sql',
			'0006_staff.sql',
			'0007_registry_ledgers.sql',
			'0008_alert_lifecycle.sql',
			'0009_risk_scores.sql',
			'0010_tasks.sql',
			'0011_inspections.sql',
			'0012_trace.sql',
			'0013_trace_backfill.sql',
			'0015_complaints.sql'
		]);
		const tables = await schema();
		expect(tables.map((t) => t.name)).toEqual(
			expect.arrayContaining([
				'events',
				'merchants',
				'staff',
				'licences',
				'lots',
				'alerts',
				'events_per_minute',
				'events_per_minute_mv'
			])
		);
		const second = await migrate(store);
		expect(second).toEqual([]);
		expect(await schema()).toEqual(tables);
		const recorded = await store.query<{ n: number }>('SELECT count() AS n FROM schema_migrations');
		expect(recorded[0]?.n).toBe(first.length);
	});

	it('migrations - a changed applied file stops the start instead of drifting', async () => {
		const copy = join(dir, 'migrations');
		await cp(new URL('../../clickhouse/migrations/', import.meta.url).pathname, copy, {
			recursive: true
		});
		await writeFile(
			join(copy, '0003_alerts.sql'),
			'CREATE TABLE IF NOT EXISTS alerts (id String) ENGINE = Memory;'
		);
		await expect(migrate(store, copy)).rejects.toThrow(/0003_alerts.sql was changed/);
	});
});
