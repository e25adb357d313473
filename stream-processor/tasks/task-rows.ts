import type { Task } from '../../src/lib/domain/tasks/task';
import { iso as instant, maybeIso as maybeInstant } from '../../clickhouse/sql';

/** The tasks table's columns as the task schema reads them (instants as ISO text). */
export const TASK_COLUMNS = `id, kind, status, merchantId, districtId, title, ${instant('dueAt')} AS dueAt,
	assignees, alertIds, planId, drawId, followsInspectionId, note,
	${instant('createdAt')} AS createdAt, createdBy, ${instant('updatedAt')} AS updatedAt,
	${maybeInstant('startedAt')} AS startedAt, ${maybeInstant('doneAt')} AS doneAt, inspectionId,
	result, cancelReason, ${maybeInstant('escalatedFor')} AS escalatedFor, escalatedAuto, lastEventId`;

const OPTIONAL = [
	'planId',
	'drawId',
	'followsInspectionId',
	'note',
	'startedAt',
	'doneAt',
	'inspectionId',
	'result',
	'cancelReason',
	'escalatedFor'
] as const;

/** A task as its row; `version` is the stream sequence of the event that made this version. */
export function taskRow(t: Task, version: number): Record<string, unknown> {
	const row: Record<string, unknown> = { ...t, escalatedAuto: t.escalatedAuto ? 1 : 0, version };
	for (const k of OPTIONAL) row[k] ??= k.endsWith('At') || k === 'escalatedFor' ? null : '';
	return row;
}

/** A stored row as a task to parse: empty columns as absent fields. */
export function taskFromRow(r: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = { ...r, escalatedAuto: r.escalatedAuto === 1 };
	for (const k of OPTIONAL) if (out[k] === '' || out[k] === null) delete out[k];
	if (!out.escalatedFor) delete out.escalatedAuto;
	return out;
}
