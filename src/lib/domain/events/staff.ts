import { z } from 'zod';
import { entityId } from '../ids';
import { isoDate, shortText } from './common';

export const staffPositions = [
	'manager',
	'cook',
	'helper',
	'server',
	'cashier',
	'seller',
	'other'
] as const;
export const staffPosition = z.enum(staffPositions);

/** 健康证: the certificate a food handler must hold; its dates are the rules' input. */
export const healthCertificate = z
	.object({
		number: shortText(50),
		validFrom: isoDate,
		validTo: isoDate
	})
	.refine((c) => c.validFrom <= c.validTo, {
		message: 'validTo is before validFrom',
		path: ['validTo']
	});

/**
 * A staff member joins the merchant's roster, or their details change (the latest wins). Names are
 * personal data: shown to the merchant and its regulators, masked on public pages.
 */
export const staffRegistered = z.object({
	staffId: entityId,
	name: shortText(50),
	position: staffPosition,
	healthCertificate: healthCertificate.optional()
});

/** A staff member leaves the roster (kept in history; no longer expected at morning checks). */
export const staffRemoved = z.object({
	staffId: entityId,
	reason: shortText(200).optional()
});
