import { z } from 'zod';
import { attachmentId, MAX_PHOTOS_PER_RECORD } from '../attachments';
import { entityId } from '../ids';
import { isoDate, isoInstant, shortText } from './common';

export const complaintFiled = z.object({
	/** Random and unguessable (it is also the complainant's tracking code). */
	complaintId: entityId,
	category: z.enum(['hygiene', 'foreign_object', 'illness', 'expired_food', 'price', 'other']),
	text: shortText(2000),
	channel: z.enum(['qr_page', 'hotline_12315', 'app', 'inspector']),
	/** Photos the complainant attached (stored as attachments, regulators only). */
	attachmentIds: z.array(attachmentId).max(MAX_PHOTOS_PER_RECORD).optional(),
	/** Optional, for the bureau to call back: personal data, never on a public page. */
	contact: z.object({ name: shortText(50).optional(), phone: shortText(30) }).optional(),
	/** When the complainant says it happened (a meal's time matters to a backward trace). */
	happenedOn: isoDate.optional()
});

/**
 * The bureau's answer the complainant sees on the tracking page (the loop closed with the
 * public). Written for the public: no names or personal data of anyone.
 */
export const complaintReplied = z.object({
	complaintId: entityId,
	status: z.enum(['accepted', 'investigating', 'resolved', 'rejected']),
	publicReply: shortText(1000)
});

export const inspectionCompleted = z.object({
	inspectionId: entityId,
	inspectorId: entityId,
	result: z.enum(['pass', 'rectify', 'fail']),
	score: z.number().min(0).max(100).optional(),
	findings: z.array(z.object({ code: shortText(20), text: shortText(500) })).max(100),
	/** The task this visit carries out; the task is done when its inspection arrives. */
	taskId: entityId.optional(),
	/** Who else was there (two inspectors per visit). */
	coInspectorIds: z.array(entityId).max(4).optional(),
	startedAt: isoInstant.optional(),
	/** The checklist as filled in (src/lib/domain/inspections/checklist.ts item ids). */
	checklist: z
		.array(
			z.object({
				itemId: entityId,
				outcome: z.enum(['pass', 'fail', 'na']),
				note: shortText(500).optional(),
				attachmentIds: z.array(attachmentId).max(MAX_PHOTOS_PER_RECORD).optional()
			})
		)
		.max(100)
		.optional(),
	/** The merchant's signature drawn on the inspector's screen, stored as an attachment. */
	signature: z.object({ attachmentId, signer: shortText(50) }).optional(),
	/** 限期整改: the failed items to fix and by when; a follow-up task checks them. */
	rectification: z
		.object({ itemIds: z.array(entityId).min(1).max(100), deadline: isoInstant })
		.optional(),
	/** The alerts this visit verified (from its task): a passing visit closes them. */
	alertIds: z.array(z.string().min(1).max(200)).max(50).optional()
});

export const sensorReadingRecorded = z.object({
	deviceId: entityId,
	kind: z.enum(['fridge_temp', 'freezer_temp', 'hot_holding_temp', 'humidity', 'gas']),
	value: z.number().finite(),
	unit: shortText(10)
});
