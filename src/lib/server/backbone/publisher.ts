import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import {
	familyOf,
	fsEvent,
	type EventType,
	type FsEvent,
	type FsEventOf
} from '../../domain/events';
import { eventSubject } from '../../domain/subjects';
import { uuidv7 } from '../../domain/ids';
import type { z } from 'zod';

export class EventValidationError extends Error {
	override name = 'EventValidationError';
	constructor(
		message: string,
		readonly issues: z.core.$ZodIssue[],
		options?: ErrorOptions
	) {
		super(message, options);
	}
}

export interface NewEvent<T extends EventType> {
	type: T;
	merchantId: string;
	districtId: string;
	actor: FsEvent['actor'];
	payload: FsEventOf<T>['payload'];
	occurredAt?: string;
	id?: string;
	v?: number;
}

/** Fills in the envelope: a fresh UUIDv7 id, version 1, and the times. */
export function makeEvent<T extends EventType>(input: NewEvent<T>, now = Date.now()): FsEventOf<T> {
	const recordedAt = new Date(now).toISOString();
	return {
		id: input.id ?? uuidv7(now),
		type: input.type,
		v: input.v ?? 1,
		occurredAt: input.occurredAt ?? recordedAt,
		recordedAt,
		merchantId: input.merchantId,
		districtId: input.districtId,
		actor: input.actor,
		payload: input.payload
	} as FsEventOf<T>;
}

/** Validates an event against its schema; throws an EventValidationError that says what is wrong. */
export function validateEvent(candidate: unknown): FsEvent {
	const result = fsEvent.safeParse(candidate);
	if (!result.success) {
		const first = result.error.issues[0];
		const where = first?.path.join('.') || '(event)';
		throw new EventValidationError(
			`invalid event: ${where}: ${first?.message}`,
			result.error.issues
		);
	}
	return result.data as FsEvent;
}

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
 * Publishes many events with a bounded number in flight: one ack round-trip per event would
 * cap a producer at a few thousand per second.
 */
export async function publishMany(
	js: JetStreamClient,
	events: Iterable<unknown>,
	inFlight = 1_000
): Promise<number> {
	const pending = new Set<Promise<unknown>>();
	let count = 0;
	for (const e of events) {
		const p = publishEvent(js, e).then(() => {
			pending.delete(p);
		});
		pending.add(p);
		count++;
		if (pending.size >= inFlight) await Promise.race(pending);
	}
	await Promise.all(pending);
	return count;
}
