import { z } from 'zod';
import { attachmentId, MAX_PHOTOS_PER_RECORD } from '../attachments';
import { entityId } from '../ids';
import { isoDate, isoInstant, shortText } from './common';

export const symptom = z.enum([
	'fever',
	'diarrhoea',
	'vomiting',
	'hand_wound',
	'skin_infection',
	'cough',
	'sore_throat'
]);

/** 晨检: one row per staff member on today's roster. */
export const morningCheckRecorded = z.object({
	checkedBy: shortText(50),
	entries: z
		.array(
			z.object({
				staffId: entityId,
				staffName: shortText(50),
				present: z.boolean(),
				temperatureC: z.number().min(30).max(45).optional(),
				symptoms: z.array(symptom).max(7),
				fitForWork: z.boolean()
			})
		)
		.min(1)
		.max(500)
});

/** 消毒 */
export const disinfectionRecorded = z
	.object({
		target: z.enum(['tableware', 'area', 'equipment']),
		item: shortText(100),
		method: z.enum(['heat', 'steam', 'chemical', 'uv']),
		startedAt: isoInstant,
		endedAt: isoInstant,
		operator: shortText(50)
	})
	.refine((d) => Date.parse(d.startedAt) <= Date.parse(d.endedAt), {
		message: 'endedAt is before startedAt',
		path: ['endedAt']
	});

/** 进货查验: the intake creates the stock lot that sales and traces refer to. */
export const purchaseRecorded = z.object({
	lotId: entityId,
	supplierId: entityId,
	supplierName: shortText(100),
	sku: entityId,
	productName: shortText(100),
	quantity: z.number().positive().max(1_000_000),
	unit: shortText(10),
	productionDate: isoDate,
	expiresOn: isoDate,
	certificateRef: shortText(100).optional(),
	/** The batch number printed on the goods (批号), for recalls by the producer's batch. */
	batchNo: shortText(50).optional(),
	/** Photos of the inspection certificate and the delivery ticket (optional: older events). */
	attachmentIds: z.array(attachmentId).max(MAX_PHOTOS_PER_RECORD).optional()
});

/** 留样: the weight is not clamped here, a light sample is a finding for the rules. */
export const sampleRetentionRecorded = z.object({
	meal: z.enum(['breakfast', 'lunch', 'dinner', 'other']),
	dish: shortText(100),
	weightG: z.number().positive().max(10_000),
	storedAt: isoInstant,
	keeper: shortText(50),
	destroyAfter: isoInstant
});
