import type { z } from 'zod';
import { uuidv7 } from '../ids';
import { fsEvent, type EventType, type FsEvent, type FsEventOf } from './index';

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
