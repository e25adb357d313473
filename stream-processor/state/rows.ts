import { familyOf, type FsEvent } from '../../src/lib/domain/events';

/** The events table's row for an event; the payload stays JSON (its schema is per type). */
export function eventRow(e: FsEvent, seq: number): Record<string, unknown> {
	return {
		id: e.id,
		seq,
		type: e.type,
		family: familyOf(e.type),
		v: e.v,
		occurredAt: e.occurredAt,
		recordedAt: e.recordedAt,
		merchantId: e.merchantId,
		districtId: e.districtId,
		actorKind: e.actor.kind,
		actorId: e.actor.id,
		payload: JSON.stringify(e.payload)
	};
}
