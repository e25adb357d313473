import { z } from 'zod';
import type { AttachmentId } from '../attachments';
import type { FsEventOf } from '../events';
import { entityId } from '../ids';
import {
	judgeChecklist,
	rectificationItems,
	type ChecklistItem,
	type ChecklistJudgement
} from './checklist';

/** Photos per checklist item, and the most an inspection may carry. */
export const MAX_ITEM_PHOTOS = 3;

/**
 * The slot of one photo within an inspection: the server derives the attachment id from the
 * inspection id and the slot, so a photo sent again (a retry, a second tab) is the same photo.
 */
export const photoSlot = z.union([
	z.literal('signature'),
	z.string().regex(/^item-[a-z_]{1,40}-[1-3]$/)
]);
export type PhotoSlot = z.infer<typeof photoSlot>;

export const itemSlot = (itemId: string, n: number): PhotoSlot => `item-${itemId}-${n}`;

/**
 * An inspection as the inspector's phone sends it once the checklist is done (possibly hours
 * later, from the queue): the phone says how many photos each item has; the server knows
 * their ids from the slots and checks each is stored before the event names it.
 */
export const inspectionSubmission = z.object({
	inspectionId: z.string().regex(/^insp-[0-9a-f-]{36}$/),
	taskId: entityId.optional(),
	alertIds: z.array(z.string().min(1).max(200)).max(50).default([]),
	coInspectorIds: z.array(entityId).max(4).default([]),
	startedAt: z.iso.datetime(),
	completedAt: z.iso.datetime(),
	items: z
		.array(
			z.object({
				itemId: z.string().regex(/^[a-z_]{1,40}$/),
				outcome: z.enum(['pass', 'fail', 'not_applicable']),
				note: z.string().trim().max(500).default(''),
				photos: z.number().int().min(0).max(MAX_ITEM_PHOTOS).default(0)
			})
		)
		.max(100),
	/** The result the inspector confirmed on the screen; it must be the checklist's. */
	confirmedResult: z.enum(['pass', 'rectify', 'fail']),
	/** 整改期限, a day (YYYY-MM-DD); the earliest of the items' own deadlines by default. */
	deadline: z.iso.date().optional(),
	signer: z.string().trim().min(1).max(50)
});
export type InspectionSubmission = z.infer<typeof inspectionSubmission>;

export type SubmissionProblem =
	| { kind: 'checklist'; missing: string[]; unknown: string[] }
	| { kind: 'result_changed'; result: 'pass' | 'rectify' | 'fail' }
	| { kind: 'deadline' };

/** The computed result and the rectification the items call for (整改项, each with its day). */
export function judgeSubmission(
	template: readonly ChecklistItem[],
	items: InspectionSubmission['items'],
	visitDay: string
): ChecklistJudgement & { rectification?: ReturnType<typeof rectificationItems> } {
	const j = judgeChecklist(
		template,
		items.map((i) => ({ itemId: i.itemId, outcome: i.outcome }))
	);
	return j.ok ? { ...j, rectification: rectificationItems(template, j, visitDay) } : j;
}

/**
 * The inspection.completed payload of a submission, or why it cannot be one. `attachmentOf`
 * names the stored photo of a slot (the caller has checked it is stored). The deadline must
 * not be before the visit nor later than the latest item's own; without one, the earliest
 * item's deadline (key items: 7 days) holds for all.
 */
export function inspectionPayload(
	template: readonly ChecklistItem[],
	s: InspectionSubmission,
	inspectorId: string,
	visitDay: string,
	attachmentOf: (slot: PhotoSlot) => AttachmentId
):
	| { ok: true; payload: FsEventOf<'inspection.completed'>['payload'] }
	| { ok: false; problem: SubmissionProblem } {
	const j = judgeSubmission(template, s.items, visitDay);
	if (!j.ok) {
		return { ok: false, problem: { kind: 'checklist', missing: j.missing, unknown: j.unknown } };
	}
	if (j.result !== s.confirmedResult) {
		return { ok: false, problem: { kind: 'result_changed', result: j.result } };
	}
	const due = (j.rectification ?? []).map((r) => r.dueOn).sort();
	let rectification: { itemIds: string[]; deadline: string } | undefined;
	if (due.length > 0) {
		const day = s.deadline ?? due[0]!;
		if (day < visitDay || day > due.at(-1)!) return { ok: false, problem: { kind: 'deadline' } };
		rectification = {
			itemIds: [...j.keyFails, ...j.generalFails],
			// The end of the day on the districts' clock is the caller's: the day, at 23:59:59 +08.
			deadline: `${day}T15:59:59.000Z`
		};
	}
	const findings = s.items
		.filter((i) => i.outcome === 'fail')
		.map((i) => ({ code: i.itemId.slice(0, 20), text: i.note || i.itemId }));
	return {
		ok: true,
		payload: {
			inspectionId: s.inspectionId,
			inspectorId,
			result: j.result,
			findings,
			...(s.taskId ? { taskId: s.taskId } : {}),
			...(s.coInspectorIds.length ? { coInspectorIds: s.coInspectorIds } : {}),
			startedAt: s.startedAt,
			checklist: s.items.map((i) => ({
				itemId: i.itemId,
				outcome: i.outcome === 'not_applicable' ? ('na' as const) : i.outcome,
				...(i.note ? { note: i.note } : {}),
				...(i.photos > 0
					? {
							attachmentIds: Array.from({ length: i.photos }, (_, n) =>
								attachmentOf(itemSlot(i.itemId, n + 1))
							)
						}
					: {})
			})),
			signature: { attachmentId: attachmentOf('signature'), signer: s.signer },
			...(rectification ? { rectification } : {}),
			...(s.alertIds.length ? { alertIds: s.alertIds } : {})
		}
	};
}

/** Every photo slot a submission names (the signature last). */
export function slotsOf(s: Pick<InspectionSubmission, 'items'>): PhotoSlot[] {
	return [
		...s.items.flatMap((i) =>
			Array.from({ length: i.photos }, (_, n) => itemSlot(i.itemId, n + 1))
		),
		'signature'
	];
}
