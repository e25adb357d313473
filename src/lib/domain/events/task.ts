import { z } from 'zod';
import { entityId } from '../ids';
import { isoInstant, shortText } from './common';

/**
 * 任务中心: an inspection task is about one merchant (the envelope's merchantId and districtId).
 * Where it came from: an alert dispatched by a supervisor, a plan (every grade-D merchant
 * monthly…), a random draw (双随机), a rectification follow-up, or by hand.
 */
export const taskKind = z.enum(['alert', 'plan', 'random', 'follow_up', 'manual']);
export type TaskKind = z.infer<typeof taskKind>;

const taskRef = { taskId: entityId };
/** Inspectors are accounts (usernames); two per visit is the rule (执法人员不少于两人). */
const assignees = z.array(entityId).min(1).max(4);

export const taskCreated = z.object({
	...taskRef,
	kind: taskKind,
	title: shortText(200),
	dueAt: isoInstant,
	assignees,
	/** The alerts this visit is to verify (dispatch from the alert centre). */
	alertIds: z.array(z.string().min(1).max(200)).max(50).optional(),
	planId: entityId.optional(),
	drawId: entityId.optional(),
	/** A follow-up: the inspection whose rectification items it checks. */
	followsInspectionId: entityId.optional(),
	note: shortText(1_000).optional()
});

/** Reassigned (or assigned more people). */
export const taskAssigned = z.object({ ...taskRef, assignees, reason: shortText(500).optional() });
/** The inspector is on site (the checklist was opened). */
export const taskStarted = z.object({ ...taskRef });
export const taskCancelled = z.object({ ...taskRef, reason: shortText(500) });
/**
 * Past its due time and not done. `auto`: raised by the processor's clock; its event id derives
 * from the task and dueAt, so it is published once.
 */
export const taskEscalated = z.object({
	...taskRef,
	dueAt: isoInstant,
	auto: z.boolean(),
	reason: shortText(500).optional()
});
