import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import { familyOf } from '../../domain/events';
import { validateEvent } from '../../domain/events/make';
import { eventSubject } from '../../domain/subjects';

export {
	EventValidationError,
	makeEvent,
	validateEvent,
	type NewEvent
} from '../../domain/events/make';

const encoder = new TextEncoder();

/**
 * Validates and publishes one event. The event id is the `Nats-Msg-Id`, so a producer that
 * retries after a lost ack does not make a second copy inside the dedup window.
 */
export async function publishEvent(js: JetStreamClient, candidate: unknown): Promise<PubAck> {
	const event = validateEvent(candidate);
	return js.publish(
		eventSubject(familyOf(event.type), event.districtId, event.merchantId),
		encoder.encode(JSON.stringify(event)),
		{ msgID: event.id }
	);
}

/**
 * Sends items with at most `window` unacknowledged at once, as a real producer would: one
 * round-trip per item would cap it at a few thousand per second. Stops at the first failure.
 */
export async function sendWindowed<T>(
	items: Iterable<T>,
	send: (item: T) => Promise<unknown>,
	window = 1_000
): Promise<number> {
	const pending = new Set<Promise<void>>();
	let failed: { error: unknown } | undefined;
	let count = 0;
	for (const item of items) {
		const p: Promise<void> = send(item).then(
			() => void pending.delete(p),
			(error: unknown) => {
				failed ??= { error };
				pending.delete(p);
			}
		);
		pending.add(p);
		count++;
		if (pending.size >= window) await Promise.race(pending);
		if (failed) break;
	}
	await Promise.all(pending);
	if (failed) throw failed.error;
	return count;
}

/** Validates and publishes many events, a bounded number in flight. */
export function publishMany(
	js: JetStreamClient,
	events: Iterable<unknown>,
	window = 1_000
): Promise<number> {
	return sendWindowed(events, (e) => publishEvent(js, e), window);
}
