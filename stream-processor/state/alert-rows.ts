import { iso as instant, maybeIso as maybeInstant } from '../../clickhouse/sql';

/** The alerts table's columns as the alert schema reads them (instants as ISO text). */
export const ALERT_COLUMNS = `id, rule, severity, status, merchantId, districtId, merchantName, facts, evidence,
	${instant('raisedAt')} AS raisedAt, ${instant('updatedAt')} AS updatedAt,
	category, source, groupId, ${maybeInstant('slaDueAt')} AS slaDueAt,
	${maybeInstant('deadline')} AS deadline, notice, fixNote, fixAttachmentIds, verifiedHow, reason,
	escalatedAuto, lastEventId`;

const OPTIONAL_TEXT = [
	'category',
	'source',
	'groupId',
	'notice',
	'fixNote',
	'verifiedHow',
	'reason'
];

/**
 * A stored row as an alert to parse: facts back to an object, empty columns (rows from before
 * the lifecycle, steps not taken) as absent fields. Unreadable facts become null (the schema
 * then refuses the row, and the caller decides).
 */
export function alertFromRow(r: Record<string, unknown>): Record<string, unknown> {
	let facts: unknown;
	try {
		facts = JSON.parse(String(r.facts));
	} catch {
		facts = null;
	}
	const out: Record<string, unknown> = { ...r, facts, escalatedAuto: r.escalatedAuto === 1 };
	for (const k of OPTIONAL_TEXT) if (out[k] === '') delete out[k];
	return out;
}
