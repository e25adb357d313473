import { makeEvent } from '../../src/lib/domain/events/make';
import type { FsEvent, FsEventOf } from '../../src/lib/domain/events';
import { followUpTaskId } from '../../src/lib/domain/tasks/task-ids';
import { stableEventId } from '../../src/lib/server/backbone/stable-id';

/**
 * 限期整改 → 复查: an inspection with rectification items calls for a follow-up visit by the
 * same inspectors at the deadline. Its event id and task id derive from the inspection, so a
 * redelivered inspection or a restart makes the same event, and the task exists once.
 */
export function followUpOf(e: FsEvent, now: number): FsEventOf<'task.created'> | null {
	if (e.type !== 'inspection.completed') return null;
	const p = e.payload;
	const r = p.rectification;
	if (!r) return null;
	const assignees = [...new Set([p.inspectorId, ...(p.coInspectorIds ?? [])])].slice(0, 4);
	return makeEvent(
		{
			type: 'task.created',
			id: stableEventId(`follow-up|${p.inspectionId}`),
			merchantId: e.merchantId,
			districtId: e.districtId,
			actor: { kind: 'system', id: 'task-follow-up' },
			payload: {
				taskId: followUpTaskId(p.inspectionId),
				kind: 'follow_up',
				// Titles are data written once; the pages show the kind's label beside them.
				title: `整改复查（${r.itemIds.length} 项）`,
				dueAt: r.deadline,
				assignees,
				followsInspectionId: p.inspectionId,
				...(p.alertIds?.length && { alertIds: p.alertIds })
			}
		},
		now
	);
}
