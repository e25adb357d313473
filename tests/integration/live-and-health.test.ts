import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { roomDelta, roomSnapshot, type RoomDelta } from '../../src/lib/domain/live';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered, sale } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';
import { ticketFor } from '../helpers/tickets';

let p: Pipeline;
let socket: Socket;

beforeAll(async () => {
	p = await startPipeline();
	socket = io(`http://127.0.0.1:${p.processor.port}`, {
		transports: ['websocket'],
		auth: { ticket: await ticketFor(undefined, 'gateway') }
	});
});
afterAll(async () => {
	socket?.close();
	await p?.stop();
});

type Answer = { ok: boolean; snapshot?: unknown; error?: string };
const ask = (event: string, frame: unknown) =>
	new Promise<Answer>((resolve) => socket.emit(event, frame, (a: Answer) => resolve(a)));

describe('live gateway', () => {
	it('gateway - a bad frame or an unknown room gets a clear error, not a room', async () => {
		expect(await ask('join', { room: 'district:../../etc' })).toMatchObject({
			ok: false,
			error: expect.stringMatching(/unknown room/)
		});
		expect(await ask('join', 'city')).toMatchObject({
			ok: false,
			error: expect.stringMatching(/^invalid request/)
		});
	});

	it('gateway - a joining socket gets a snapshot, then deltas in sequence with new events and alerts', async () => {
		const deltas: RoomDelta[] = [];
		socket.on('delta', (d: unknown) => deltas.push(roomDelta.parse(d)));
		const answer = await ask('join', { room: 'district:370105' });
		expect(answer.ok).toBe(true);
		const snapshot = roomSnapshot.parse(answer.snapshot);
		expect(snapshot.room).toBe('district:370105');

		await publishEvent(p.js, registered('m-live-1', '370105', '天桥区某饭店'));
		const s = sale('m-live-1', { districtId: '370105', expiresOn: '2020-02-02' });
		await publishEvent(p.js, s);
		const withAlert = await eventually(async () => deltas.find((d) => d.alerts.length > 0));
		expect(withAlert.alerts[0]).toMatchObject({
			rule: 'expired_lot_sold',
			merchantName: '天桥区某饭店'
		});
		const last = deltas.at(-1)!;
		expect(last.totals.byFamily.till).toBe(1);
		expect(last.totals.openAlerts.critical).toBe(1);
		expect(deltas.flatMap((d) => d.feed).some((f) => f.id === s.id)).toBe(true);
		// Every delta of the room follows the one before it.
		const seqs = deltas.map((d) => d.seq);
		expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
		expect(seqs[0]).toBeGreaterThan(snapshot.seq - 1);
	});
});

describe('health', () => {
	it('health - NATS down makes /healthz answer 503 at once; it recovers when NATS is back', async () => {
		await p.nats.kill();
		const down = await eventually(
			async () => {
				const res = await fetch(`http://127.0.0.1:${p.processor.port}/healthz`, {
					signal: AbortSignal.timeout(3_000)
				});
				return res.status === 503 ? ((await res.json()) as { nats: { ok: boolean } }) : undefined;
			},
			20_000,
			'a 503'
		);
		expect(down.nats.ok).toBe(false);
		await p.nats.restart();
		await eventually(
			async () => ((await p.api('/healthz')).status === 200 ? true : undefined),
			30_000,
			'a 200'
		);
		const after = sale('m-live-1', { districtId: '370105' });
		// This test's own client may still be reconnecting: a producer retries (same id, no copy).
		await eventually(
			async () => ((await publishEvent(p.js, after)) ? true : undefined),
			30_000,
			'a publish'
		);
		await eventually(
			async () => {
				const { body } = await p.api('/api/events?merchantId=m-live-1');
				return (body as { items: { id: string }[] }).items.some((i) => i.id === after.id)
					? true
					: undefined;
			},
			30_000,
			'the event after the outage'
		);
	});
});
