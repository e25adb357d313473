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
	let inFlight = 0;
	let failed: { error: unknown } | undefined;
	// One waiter woken per completion: Promise.race over the whole window would cost O(window)
	// per item.
	let wake: (() => void) | undefined;
	const settle = () => {
		inFlight--;
		const w = wake;
		wake = undefined;
		w?.();
	};
	let count = 0;
	for (const item of items) {
		if (failed) break;
		inFlight++;
		count++;
		send(item).then(settle, (error: unknown) => {
			failed ??= { error };
			settle();
		});
		while (inFlight >= window) await new Promise<void>((r) => (wake = r));
	}
	while (inFlight > 0) await new Promise<void>((r) => (wake = r));
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
