import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streams } from '../../src/lib/domain/subjects';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { licence, registered, sale } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';

type Stats = { rows: number; distinctIds: number };
type Items = { items: Record<string, unknown>[] };

let p: Pipeline;
const encoder = new TextEncoder();

beforeAll(async () => {
	p = await startPipeline();
});
afterAll(async () => {
	await p?.stop();
});

const rowsAtLeast = (n: number) =>
	eventually(
		async () => {
			const { body } = await p.api('/api/stats');
			return (body as Stats).rows >= n ? (body as Stats) : undefined;
		},
		15_000,
		`${n} rows`
	);

describe('pipeline', () => {
	it('pipeline - the clock rules run cleanly from the first tick (nothing they raise is lost)', async () => {
		// The first run is at start; it once reached a `const` not yet defined and threw, leaving
		// what it had raised unwritten.
		expect(p.logs().filter((l) => /failed/.test(l))).toEqual([]);
	});

	it('pipeline - published events are stored in ClickHouse with their payload', async () => {
		const e = registered('m-store-1');
		await publishEvent(p.js, e);
		const stats = await rowsAtLeast(1);
		expect(stats.rows).toBe(stats.distinctIds);
		const { body } = await p.api('/api/events?merchantId=m-store-1');
		const [row] = (body as Items).items;
		expect(row?.id).toBe(e.id);
		expect(row?.type).toBe('merchant.registered');
		expect((row?.payload as { name: string }).name).toBe(e.payload.name);
		const merchant = await p.api('/api/merchants/m-store-1');
		expect(merchant.status).toBe(200);
		expect((merchant.body as { name: string }).name).toBe(e.payload.name);
	});

	it('pipeline - the same event id published twice is one row, with and without Nats-Msg-Id', async () => {
		const before = (await p.api('/api/stats')).body as Stats;
		const e = sale('m-dup-1');
		await publishEvent(p.js, e);
		await publishEvent(p.js, e);
		// Without a message id NATS cannot dedup: the processor must.
		const raw = encoder.encode(JSON.stringify(e));
		await p.js.publish('fs.ev.till.370102.m-dup-1', raw);
		await p.js.publish('fs.ev.till.370102.m-dup-1', raw);
		const marker = sale('m-dup-1');
		await publishEvent(p.js, marker);
		await eventually(async () => {
			const { body } = await p.api('/api/events?merchantId=m-dup-1');
			return (body as Items).items.some((i) => i.id === marker.id) ? true : undefined;
		});
		const after = (await p.api('/api/stats')).body as Stats;
		expect(after.rows - before.rows).toBe(2);
		expect(after.distinctIds).toBe(after.rows);
	});

	it('pipeline - malformed and unknown events go to FS_DLQ with a reason, and processing goes on', async () => {
		await p.js.publish('fs.ev.till.370102.m-bad-1', encoder.encode('{not json'));
		const unknown = { ...sale('m-bad-1'), type: 'till.teleport.recorded' };
		await p.js.publish('fs.ev.till.370102.m-bad-1', encoder.encode(JSON.stringify(unknown)));
		const good = sale('m-bad-1');
		await publishEvent(p.js, good);
		await eventually(async () => {
			const { body } = await p.api('/api/events?merchantId=m-bad-1');
			return (body as Items).items.some((i) => i.id === good.id) ? true : undefined;
		});
		const info = await p.jsm.streams.info(streams.deadLetters);
		expect(info.state.messages).toBe(2);
		const first = await p.jsm.streams.getMessage(streams.deadLetters, {
			seq: info.state.first_seq
		});
		expect(first?.header.get('Fs-Reason')).toBe('not JSON');
		expect(first?.header.get('Fs-Original-Subject')).toBe('fs.ev.till.370102.m-bad-1');
		const second = await p.jsm.streams.getMessage(streams.deadLetters, {
			seq: info.state.last_seq
		});
		expect(second?.header.get('Fs-Reason')).toMatch(/^schema: type/);
		const events = (await p.api('/api/events?merchantId=m-bad-1')).body as Items;
		expect(events.items).toHaveLength(1);
	});

	it('pipeline - an envelope whose district disagrees with its subject is refused', async () => {
		const e = sale('m-sub-1', { districtId: '370103' });
		await p.js.publish('fs.ev.till.370102.m-sub-1', encoder.encode(JSON.stringify(e)));
		await eventually(async () => {
			const info = await p.jsm.streams.info(streams.deadLetters);
			return info.state.messages >= 3 ? true : undefined;
		});
		const info = await p.jsm.streams.info(streams.deadLetters);
		const msg = await p.jsm.streams.getMessage(streams.deadLetters, { seq: info.state.last_seq });
		expect(msg?.header.get('Fs-Reason')).toMatch(/does not match/);
	});

	it('rules - an expired lot sold raises one critical alert, stored and on FS_ALERTS', async () => {
		await publishEvent(p.js, registered('m-exp-1'));
		await publishEvent(p.js, sale('m-exp-1', { expiresOn: '2020-01-01', lotId: 'lot-old' }));
		await publishEvent(p.js, sale('m-exp-1', { expiresOn: '2020-01-01', lotId: 'lot-old' }));
		await publishEvent(p.js, sale('m-exp-1', { expiresOn: '2999-01-01', lotId: 'lot-fresh' }));
		const alerts = await eventually(async () => {
			const { body } = await p.api('/api/alerts?merchantId=m-exp-1');
			return (body as Items).items.length > 0 ? (body as Items).items : undefined;
		});
		expect(alerts).toHaveLength(1);
		expect(alerts[0]).toMatchObject({
			rule: 'expired_lot_sold',
			severity: 'critical',
			status: 'open'
		});
		expect((alerts[0]?.facts as { lotId: string }).lotId).toBe('lot-old');
		const info = await p.jsm.streams.info(streams.alerts);
		expect(info.state.messages).toBeGreaterThanOrEqual(1);
	});

	it('rules - a licence past its end date raises an alert, a valid one does not', async () => {
		await publishEvent(p.js, licence('m-lic-1', '2024-06-30'));
		await publishEvent(p.js, licence('m-lic-2', '2999-12-31'));
		const alerts = await eventually(async () => {
			const { body } = await p.api('/api/alerts?merchantId=m-lic-1');
			return (body as Items).items.length > 0 ? (body as Items).items : undefined;
		});
		expect(alerts[0]).toMatchObject({ rule: 'licence_expired', severity: 'high' });
		expect((alerts[0]?.facts as { validTo: string }).validTo).toBe('2024-06-30');
		const none = (await p.api('/api/alerts?merchantId=m-lic-2')).body as Items;
		expect(none.items).toHaveLength(0);
	});

	it('read API - bad parameters answer 400 naming the parameter, unknown paths 404', async () => {
		const bad = await p.api('/api/merchants?district=abc');
		expect(bad.status).toBe(400);
		expect((bad.body as { error: string }).error).toMatch(/^district/);
		expect((await p.api('/api/merchants/no-such')).status).toBe(404);
		expect((await p.api('/api/nothing')).status).toBe(404);
		const health = await p.api('/healthz');
		expect(health.status).toBe(200);
		expect(health.body).toMatchObject({ status: 'ok', nats: { ok: true }, store: { ok: true } });
	});
});
