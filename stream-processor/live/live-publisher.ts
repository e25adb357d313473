import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { joinRequest } from '../../src/lib/domain/live';
import { liveSubject, subjects } from '../../src/lib/domain/subjects';
import type { LiveHub } from './live-hub';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Sends the hub's deltas on core NATS every tick (not persisted: a gateway that misses one
 * sees the sequence gap and asks for a snapshot) and answers snapshot requests.
 */
export function startLivePublisher(
	nc: NatsConnection,
	hub: LiveHub,
	tickMs: number
): { stop: () => void } {
	const timer = setInterval(() => {
		for (const delta of hub.tick()) {
			nc.publish(liveSubject(delta.room), encoder.encode(JSON.stringify(delta)));
		}
	}, tickMs);
	const sub: Subscription = nc.subscribe(subjects.snapshot, {
		callback: (err, msg) => {
			if (err) return;
			let request: unknown;
			try {
				request = JSON.parse(decoder.decode(msg.data));
			} catch {
				request = null;
			}
			const parsed = joinRequest.safeParse(request);
			const body = parsed.success
				? { ok: true, snapshot: hub.snapshot(parsed.data.room) }
				: {
						ok: false,
						error: 'invalid snapshot request: expected {"room": "city" | "district:<code>" | …}'
					};
			msg.respond(encoder.encode(JSON.stringify(body)));
		}
	});
	return {
		stop: () => {
			clearInterval(timer);
			sub.unsubscribe();
		}
	};
}
