import { z } from 'zod';
import { entityId } from '../ids';
import { isoInstant, shortText } from '../events/common';

/** A task's candidate merchant as the read API lists it (with its current grade). */
export const taskCandidate = z.object({
	merchantId: z.string(),
	districtId: z.string(),
	name: z.string(),
	businessType: z.string(),
	status: z.string(),
	grade: z.enum(['A', 'B', 'C', 'D'])
});
export type TaskCandidate = z.infer<typeof taskCandidate>;
export const taskCandidates = z.object({ items: z.array(taskCandidate) });

const list = (max: number) =>
	z
		.string()
		.transform((s) =>
			s
				.split(/[,\s]+/)
				.map((x) => x.trim())
				.filter(Boolean)
		)
		.pipe(z.array(z.string().min(1).max(200)).max(max));

/** The new-task form (派发任务), as the page posts it; dueAt already an instant. */
export const newTaskForm = z.object({
	merchantId: entityId,
	title: shortText(200),
	dueAt: isoInstant,
	assignees: z.array(entityId).min(1).max(4),
	alertIds: list(50).default([]),
	note: z.string().trim().max(1_000).optional(),
	/** Made when the form is shown: the same form sent twice is the same task. */
	formId: z.uuid()
});
export type NewTaskForm = z.infer<typeof newTaskForm>;

/**
 * Alerts a task may verify: its own merchant's (an alert id is `<rule>:<merchantId>:<period>`),
 * so a hand-edited form cannot attach another shop's alerts.
 */
export function foreignAlerts(alertIds: readonly string[], merchantId: string): string[] {
	return alertIds.filter((id) => id.split(':')[1] !== merchantId);
}

/** Reassign (改派) and cancel (取消) forms. */
export const reassignForm = z.object({
	assignees: z.array(entityId).min(1).max(4),
	reason: z.string().trim().max(500).optional()
});
export const cancelForm = z.object({ reason: shortText(500) });

/** The draw form (双随机): districts, how many, the public seed, and when the visits are due. */
export const drawForm = z.object({
	districtIds: z
		.array(z.string().regex(/^\d{6}$/))
		.min(1)
		.max(20),
	count: z.coerce.number().int().min(1).max(500),
	seed: shortText(200),
	dueAt: isoInstant
});
export type DrawForm = z.infer<typeof drawForm>;
