import { familyOf, type FsEvent } from '../../src/lib/domain/events';

/**
 * The events table's row for an event. The payload goes in as an object and ClickHouse keeps
 * it as JSON text (input_format_json_read_objects_as_strings): one serialisation, not two.
 */
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
		payload: e.payload
	};
}
