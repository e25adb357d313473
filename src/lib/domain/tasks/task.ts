import { z } from 'zod';
import { districtId, entityId } from '../ids';
import { taskKind } from '../events/task';

/**
 * A task's status. open → in_progress (the inspector opened the checklist) → done (its inspection
 * arrived); open or in_progress → cancelled. Overdue is not a status: it is derived from dueAt
 * (see `isOverdue`), so a task that is done late is simply done.
 */
export const taskStatus = z.enum(['open', 'in_progress', 'done', 'cancelled']);
export type TaskStatus = z.infer<typeof taskStatus>;

const instant = z.iso.datetime({ offset: true });

/** One task as the processor keeps it and the read API answers it. */
export const task = z.object({
	id: entityId,
	kind: taskKind,
	status: taskStatus,
	merchantId: entityId,
	districtId,
	title: z.string(),
	dueAt: instant,
	assignees: z.array(z.string()),
	alertIds: z.array(z.string()),
	planId: z.string().optional(),
	drawId: z.string().optional(),
	followsInspectionId: z.string().optional(),
	note: z.string().optional(),
	createdAt: instant,
	createdBy: z.string(),
	updatedAt: instant,
	startedAt: instant.optional(),
	doneAt: instant.optional(),
	inspectionId: z.string().optional(),
	result: z.enum(['pass', 'rectify', 'fail']).optional(),
	cancelReason: z.string().optional(),
	/** The due time it was escalated for (a later due time after a reassignment may escalate again). */
	escalatedFor: instant.optional(),
	escalatedAuto: z.boolean().optional(),
	lastEventId: z.string()
});
export type Task = z.infer<typeof task>;

/** Still to be done: open or under way. */
export function isPending(status: TaskStatus): boolean {
	return status === 'open' || status === 'in_progress';
}

/** Past its due time and not done or cancelled. */
export function isOverdue(t: Pick<Task, 'status' | 'dueAt'>, now: number): boolean {
	return isPending(t.status) && Date.parse(t.dueAt) < now;
}

/** A task as the read API shows it: with its merchant's name, grade and place. */
export const taskView = task.extend({
	overdue: z.boolean(),
	activeAlerts: z.number().int(),
	merchantName: z.string().optional(),
	grade: z.enum(['A', 'B', 'C', 'D']).optional(),
	lon: z.number().optional(),
	lat: z.number().optional()
});
export type TaskView = z.infer<typeof taskView>;

/** The read API's answer to a task list. */
export const taskList = z.object({ items: z.array(taskView), total: z.number().int() });
