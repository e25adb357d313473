import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomSnapshot } from '../../src/lib/domain/live';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { killHard, processorEnv, spawnService } from '../helpers/child';
import { licence, registered, sale } from '../helpers/events';
import { freePort, startNats, type TestNats } from '../helpers/nats-server';
import { eventually } from '../helpers/processor';
import { authHeaders } from '../helpers/tickets';
import { jetstream } from '@nats-io/jetstream';
import { connectNats } from '../../src/lib/server/backbone/connect';
import type { NatsConnection } from '@nats-io/transport-node';

let nats: TestNats;
let nc: NatsConnection;

beforeAll(async () => {
	nats = await startNats();
	nc = await connectNats(nats.url, 'restart-test');
});
afterAll(async () => {
	await nc?.close();
	await nats?.stop();
});

type Items = { items: { id: string; evidence: string[] }[] };

describe('restart', () => {
	it('processor - after a restart its state comes back from the store: counts, merchants, open alerts, no alert twice', async () => {
		const port = await freePort();
		const env = processorEnv(nats, port);
		const api = async <T>(path: string) =>
			(await (
				await fetch(`http://127.0.0.1:${port}${path}`, { headers: await authHeaders() })
			).json()) as T;
		const js = jetstream(nc);
		let processor = spawnService('stream-processor/main.ts', env);
		await eventually(
			async () => ((await api('/healthz').catch(() => null)) ? true : undefined),
			30_000
		);

		await publishEvent(js, registered('m-r-1', '370104', '槐荫区老店'));
		await publishEvent(js, licence('m-r-1', '2025-01-31', '370104'));
		await publishEvent(
			js,
			sale('m-r-1', { districtId: '370104', expiresOn: '2020-01-01', lotId: 'lot-r' })
		);
		await eventually(async () =>
			(await api<Items>('/api/alerts')).items.length === 2 ? true : undefined
		);
		const before = await api<RoomSnapshot>('/api/snapshot?room=district:370104');

		// A graceful stop, then a start that must rebuild from the store alone.
		processor.child.kill('SIGTERM');
		await new Promise((r) => processor.child.once('exit', r));
		processor = spawnService('stream-processor/main.ts', env);
		await eventually(
			async () => ((await api('/healthz').catch(() => null)) ? true : undefined),
			30_000
		);

		const after = await api<RoomSnapshot>('/api/snapshot?room=district:370104');
		expect(after.totals).toMatchObject({
			events: before.totals.events,
			byFamily: before.totals.byFamily,
			openAlerts: before.totals.openAlerts,
			merchants: 1
		});
		expect(after.alerts.map((a) => a.id).sort()).toEqual(before.alerts.map((a) => a.id).sort());
		// The same expired lot sold again the same day is still the one open alert.
		await publishEvent(
			js,
			sale('m-r-1', { districtId: '370104', expiresOn: '2020-01-01', lotId: 'lot-r' })
		);
		const marker = sale('m-r-1', { districtId: '370104' });
		await publishEvent(js, marker);
		await eventually(async () => {
			const { items } = await api<{ items: { id: string }[] }>('/api/events?merchantId=m-r-1');
			return items.some((i) => i.id === marker.id) ? true : undefined;
		});
		const alerts = await api<Items>('/api/alerts');
		expect(alerts.items).toHaveLength(2);
		for (const a of alerts.items) expect(a.evidence.length).toBeGreaterThan(0);
		await killHard(processor.child);
	});
});
