import { z } from 'zod';

/** An inspection as the read API answers it (the store's row, its JSON columns decoded). */
export const storedInspection = z.object({
	id: z.string(),
	eventId: z.string(),
	merchantId: z.string(),
	districtId: z.string(),
	inspectorId: z.string(),
	coInspectorIds: z.array(z.string()),
	result: z.enum(['pass', 'rectify', 'fail']),
	checklist: z.array(
		z.object({
			itemId: z.string(),
			outcome: z.enum(['pass', 'fail', 'na']),
			note: z.string().optional(),
			attachmentIds: z.array(z.string()).optional()
		})
	),
	findings: z.array(z.object({ code: z.string(), text: z.string() })),
	criticalFindings: z.number().int(),
	rectificationItemIds: z.array(z.string()),
	rectificationDeadline: z.string().nullable(),
	signatureAttachmentId: z.string(),
	signer: z.string(),
	taskId: z.string(),
	alertIds: z.array(z.string()),
	startedAt: z.string().nullable(),
	occurredAt: z.string()
});
export type StoredInspection = z.infer<typeof storedInspection>;

export const inspectionList = z.object({
	items: z.array(storedInspection),
	total: z.number().int()
});
