import type { JetStreamClient } from '@nats-io/jetstream';
import { io } from 'socket.io-client';
import { familyOf } from '../../src/lib/domain/events';
import { roomDelta } from '../../src/lib/domain/live';
import { eventSubject } from '../../src/lib/domain/subjects';
import { benchEvent } from './events';

const encoder = new TextEncoder();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A socket.io client in the city room that times bench events (merchant ids `b…`) from their
 * recordedAt (set at publish) to their arrival in a delta. `take()` returns the latencies since
 * the last take, sorted.
 */
export async function latencyProbe(url: string, gatewayTicket: string) {
	const socket = io(url, { transports: ['websocket'], auth: { ticket: gatewayTicket } });
	let latencies: number[] = [];
	socket.on('delta', (raw: unknown) => {
		const arrived = Date.now();
		const d = roomDelta.safeParse(raw);
		if (!d.success) return;
		for (const f of d.data.feed) {
			if (f.merchantId.startsWith('b')) latencies.push(arrived - Date.parse(f.recordedAt));
		}
	});
	await new Promise<void>((resolve, reject) => {
		socket.emit('join', { room: 'city' }, (a: { ok: boolean; error?: string }) =>
			a.ok ? resolve() : reject(new Error(a.error))
		);
	});
	return {
		take(): number[] {
			const taken = latencies.sort((a, b) => a - b);
			latencies = [];
			return taken;
		},
		close: () => socket.close()
	};
}

/**
 * Publishes bench events at `rate` a second (in 10 ms ticks) until `until()` says stop;
 * numbering from `first`. Returns how many it sent.
 */
export async function steadyTraffic(
	js: JetStreamClient,
	rate: number,
	first: number,
	until: () => boolean,
	/** A publish not acknowledged in time (a loaded machine): counted by the caller, never fatal. */
	onFailed: (e: unknown) => void = () => {}
): Promise<number> {
	const perTick = rate / 100;
	const start = Date.now();
	let sent = 0;
	for (let tick = 0; !until(); tick++) {
		const due = start + tick * 10;
		if (due > Date.now()) await sleep(due - Date.now());
		for (let k = 0; k < perTick; k++) {
			// recordedAt is set now, at publish: the latency starts here.
			const e = benchEvent(first + sent++, Date.now());
			void js
				.publish(
					eventSubject(familyOf(e.type), e.districtId, e.merchantId),
					encoder.encode(JSON.stringify(e)),
					{ msgID: e.id }
				)
				.catch(onFailed);
		}
	}
	return sent;
}
