import { z } from 'zod';
import { attachmentId, MAX_PHOTOS_PER_RECORD } from '../attachments';
import { entityId } from '../ids';
import { isoDate, shortText } from './common';

export const licenceKind = z.enum(['food_business', 'food_production', 'small_workshop', 'other']);

export const licenceIssued = z
	.object({
		licenceId: entityId,
		kind: licenceKind,
		number: shortText(40),
		scope: shortText(200),
		validFrom: isoDate,
		validTo: isoDate,
		authority: shortText(100),
		/** A scan or photo of the licence (the object store's photos, checked like any other). */
		attachmentIds: z.array(attachmentId).max(MAX_PHOTOS_PER_RECORD).optional()
	})
	.refine((l) => l.validFrom <= l.validTo, {
		message: 'validTo is before validFrom',
		path: ['validTo']
	});

export const licenceRenewed = z.object({
	licenceId: entityId,
	validFrom: isoDate.optional(),
	validTo: isoDate
});

export const licenceRevoked = z.object({ licenceId: entityId, reason: shortText(200) });
