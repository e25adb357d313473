import type { FsEvent } from '../events';
import { isPending, type Task } from './task';

export type TaskEventOutcome =
	/** Not about a task (or an inspection without one). */
	| { kind: 'none' }
	| { kind: 'changed'; before: Task | undefined; task: Task }
	/** Valid, but not allowed in the task's state (or no such task): dead-lettered with the reason. */
	| { kind: 'refused'; reason: string }
	/** Already so (a created task created again, an escalation already made): nothing to do. */
	| { kind: 'stale' };

/**
 * Applies a `task.*` event, or an inspection that carries out a task, to the task it names.
 * Pure: `find` looks the task up, the caller keeps the result. The step's time is the event's
 * recordedAt (set by our producers). An inspection is a fact on its own: a task it cannot close
 * (unknown, cancelled, another merchant's) leaves the inspection valid and the task unchanged.
 */
export function applyTaskEvent(
	find: (id: string) => Task | undefined,
	e: FsEvent
): TaskEventOutcome {
	if (e.type === 'inspection.completed') {
		const p = e.payload;
		const before = p.taskId ? find(p.taskId) : undefined;
		if (!before || !isPending(before.status) || before.merchantId !== e.merchantId) {
			return { kind: 'none' };
		}
		return changed(before, e, {
			status: 'done',
			doneAt: e.occurredAt,
			inspectionId: p.inspectionId,
			result: p.result
		});
	}
	if (!e.type.startsWith('task.')) return { kind: 'none' };
	const taskId = (e.payload as { taskId: string }).taskId;
	const before = find(taskId);
	if (e.type === 'task.created') {
		// The same task again (a plan run twice, a follow-up redelivered): ids are fixed by origin.
		if (before) return { kind: 'stale' };
		const p = e.payload;
		return {
			kind: 'changed',
			before,
			task: {
				id: p.taskId,
				kind: p.kind,
				status: 'open',
				merchantId: e.merchantId,
				districtId: e.districtId,
				title: p.title,
				dueAt: p.dueAt,
				assignees: p.assignees,
				alertIds: p.alertIds ?? [],
				...(p.planId && { planId: p.planId }),
				...(p.drawId && { drawId: p.drawId }),
				...(p.followsInspectionId && { followsInspectionId: p.followsInspectionId }),
				...(p.note && { note: p.note }),
				createdAt: e.recordedAt,
				createdBy: e.actor.id,
				updatedAt: e.recordedAt,
				lastEventId: e.id
			}
		};
	}
	if (!before) return { kind: 'refused', reason: `no task ${taskId}` };
	if (before.merchantId !== e.merchantId) {
		return { kind: 'refused', reason: `task ${taskId} is not merchant ${e.merchantId}'s` };
	}
	if (!isPending(before.status)) {
		if (e.type === 'task.escalated' && e.payload.auto) return { kind: 'stale' };
		return {
			kind: 'refused',
			reason: `task ${taskId} is ${before.status}: ${e.type} is not allowed`
		};
	}
	switch (e.type) {
		case 'task.assigned':
			return changed(before, e, { assignees: e.payload.assignees });
		case 'task.started':
			if (before.status === 'in_progress') return { kind: 'stale' };
			return changed(before, e, { status: 'in_progress', startedAt: e.occurredAt });
		case 'task.cancelled':
			return changed(before, e, { status: 'cancelled', cancelReason: e.payload.reason });
		case 'task.escalated':
			if (before.escalatedFor === e.payload.dueAt) return { kind: 'stale' };
			if (e.payload.auto && e.payload.dueAt !== before.dueAt) return { kind: 'stale' };
			return changed(before, e, { escalatedFor: e.payload.dueAt, escalatedAuto: e.payload.auto });
		default:
			return { kind: 'none' };
	}
}

function changed(before: Task, e: FsEvent, patch: Partial<Task>): TaskEventOutcome {
	return {
		kind: 'changed',
		before,
		task: { ...before, ...patch, updatedAt: e.recordedAt, lastEventId: e.id }
	};
}
