import { z } from 'zod';
import { businessType, merchantScale, merchantStatus } from '../events/merchant';
import { riskGrades } from '../risk/risk-settings';
import { licenceStatus } from './registry-query';

/** Shapes of the registry and ledger reads, parsed by the web server like any other input. */

export const registryItem = z.object({
	id: z.string(),
	name: z.string(),
	districtId: z.string(),
	businessType,
	scale: merchantScale,
	status: merchantStatus,
	creditCode: z.string(),
	address: z.string(),
	licenceStatus,
	licenceValidTo: z.string().nullable(),
	staffCount: z.number().int(),
	certsLapsed: z.number().int(),
	/** The current risk grade and score; null before the merchant's first grading. */
	riskGrade: z.enum(riskGrades).nullable(),
	riskScore: z.number().nullable(),
	updatedAt: z.string()
});
export type RegistryItem = z.infer<typeof registryItem>;
export const registryPage = z.object({ items: z.array(registryItem), total: z.number().int() });

export const registryLicence = z.object({
	licenceId: z.string(),
	kind: z.string(),
	number: z.string(),
	scope: z.string(),
	authority: z.string(),
	validFrom: z.string(),
	validTo: z.string(),
	status: z.enum(['valid', 'expiring', 'expired', 'revoked']),
	attachmentIds: z.array(z.string())
});
export type RegistryLicence = z.infer<typeof registryLicence>;

export const registryMerchant = z.object({
	id: z.string(),
	name: z.string(),
	districtId: z.string(),
	businessType,
	scale: merchantScale,
	status: merchantStatus,
	creditCode: z.string(),
	address: z.string(),
	lon: z.number(),
	lat: z.number(),
	contactName: z.string(),
	contactPhone: z.string(),
	enterpriseRelation: z.string(),
	enterpriseName: z.string(),
	enterpriseCreditCode: z.string(),
	registeredAt: z.string().nullable(),
	updatedAt: z.string(),
	licences: z.array(registryLicence)
});
export type RegistryMerchant = z.infer<typeof registryMerchant>;

export const completeness = z.object({
	from: z.string(),
	to: z.string(),
	days: z.array(
		z.object({
			districtId: z.string(),
			day: z.string(),
			kind: z.string(),
			kept: z.number().int(),
			entries: z.number().int(),
			late: z.number().int()
		})
	),
	owed: z.array(
		z.object({
			districtId: z.string(),
			kind: z.string(),
			/** The registration day of these merchants ('' when unknown: owed on every day). */
			since: z.string(),
			owed: z.number().int()
		})
	)
});
export type Completeness = z.infer<typeof completeness>;

export const merchantCompleteness = z.object({
	from: z.string(),
	to: z.string(),
	items: z.array(
		z.object({
			id: z.string(),
			name: z.string(),
			businessType: z.string(),
			owedKinds: z.number().int(),
			kept: z.number().int(),
			late: z.number().int(),
			owed: z.number().int()
		})
	)
});

export const ledgerCalendar = z.object({
	from: z.string(),
	to: z.string(),
	rows: z.array(
		z.object({
			day: z.string(),
			kind: z.string(),
			entries: z.number().int(),
			late: z.number().int()
		})
	)
});
export type LedgerCalendar = z.infer<typeof ledgerCalendar>;

export const dispute = z.object({
	disputeId: z.string(),
	entryId: z.string(),
	entryType: z.string(),
	entryAt: z.string(),
	status: z.enum(['open', 'answered', 'closed']),
	reason: z.string(),
	raisedBy: z.string(),
	raisedAt: z.string(),
	answer: z.string(),
	answeredBy: z.string(),
	answeredAt: z.string().nullable(),
	outcome: z.string(),
	closingNote: z.string(),
	closedBy: z.string(),
	closedAt: z.string().nullable()
});
export type Dispute = z.infer<typeof dispute>;
export const disputeList = z.object({ items: z.array(dispute) });
