import { familyOf, type FsEvent } from '../../src/lib/domain/events';

/**
 * The events table's row for an event, as one JSONEachRow line. Built as text on the hot path
 * (no row object, one serialisation of the payload): the envelope's fields are validated ids,
 * enums and ISO instants; the free-text ones go through JSON.stringify. The payload goes in as
 * an object and ClickHouse keeps it as JSON text (input_format_json_read_objects_as_strings).
 */
export function eventLine(e: FsEvent, seq: number): string {
	return (
		`{"id":"${e.id}","seq":${seq},"type":"${e.type}","family":"${familyOf(e.type)}","v":${e.v},` +
		`"occurredAt":"${e.occurredAt}","recordedAt":"${e.recordedAt}",` +
		`"merchantId":"${e.merchantId}","districtId":"${e.districtId}",` +
		`"actorKind":"${e.actor.kind}","actorId":${JSON.stringify(e.actor.id)},` +
		`"payload":${JSON.stringify(e.payload)}}\n`
	);
}
