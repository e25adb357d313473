import { makeEvent } from '../../src/lib/domain/events/make';
import type { FsEventOf } from '../../src/lib/domain/events';
import { isOverdue, type Task } from '../../src/lib/domain/tasks/task';
import { stableEventId } from '../../src/lib/server/backbone/stable-id';

/**
 * The escalations overdue tasks call for at `now`, as events for the processor to publish (the
 * handler applies them like a person's step). One per task and due time: the id derives from
 * both, so the clock finding it again on every tick or after a restart makes the same event.
 */
export function overdueEscalations(
	tasks: Iterable<Task>,
	now: number
): FsEventOf<'task.escalated'>[] {
	const out: FsEventOf<'task.escalated'>[] = [];
	for (const t of tasks) {
		if (!isOverdue(t, now) || t.escalatedFor === t.dueAt) continue;
		out.push(
			makeEvent(
				{
					type: 'task.escalated',
					id: stableEventId(`task-overdue|${t.id}|${t.dueAt}`),
					merchantId: t.merchantId,
					districtId: t.districtId,
					actor: { kind: 'system', id: 'task-clock' },
					payload: { taskId: t.id, dueAt: t.dueAt, auto: true, reason: `due ${t.dueAt} passed` }
				},
				now
			)
		);
	}
	return out;
}
