import { z } from 'zod';
import { alert } from './alert';
import { businessType, merchantScale, merchantStatus } from './events/merchant';
import { riskGrades } from './risk/risk-settings';

/** Shapes the read API answers with; the web server parses them like any other input. */

export const merchantSummary = z.object({
	id: z.string(),
	name: z.string(),
	districtId: z.string(),
	businessType,
	scale: merchantScale,
	status: merchantStatus,
	address: z.string(),
	lon: z.number(),
	lat: z.number(),
	updatedAt: z.string()
});
export type MerchantSummary = z.infer<typeof merchantSummary>;

export const licenceSummary = z.object({
	licenceId: z.string(),
	kind: z.string(),
	number: z.string(),
	validFrom: z.string(),
	validTo: z.string(),
	status: z.enum(['valid', 'expired', 'revoked'])
});

export const merchantList = z.object({ items: z.array(merchantSummary), total: z.number().int() });

export const merchantDetail = merchantSummary.extend({
	creditCode: z.string(),
	/** When the register first had it (null for a store from before it was kept). */
	registeredAt: z.string().nullable(),
	licences: z.array(licenceSummary)
});

/**
 * Every merchant as a compact row for the map: [id, lon, lat, districtId, businessType].
 * 100,000 merchants as objects would be several megabytes of repeated keys.
 */
/** A staff member on a merchant's roster (for its people and regulators; never public). */
export const staffSummary = z.object({
	staffId: z.string(),
	name: z.string(),
	position: z.string(),
	certNumber: z.string(),
	certValidFrom: z.string().nullable(),
	certValidTo: z.string().nullable()
});
export type StaffSummary = z.infer<typeof staffSummary>;
export const staffList = z.object({ items: z.array(staffSummary) });

/** One merchant's ledger entries of one day, per event type. */
export const ledgerDay = z.object({
	day: z.string(),
	kinds: z.array(z.object({ type: z.string(), count: z.number().int(), last: z.string() }))
});
export type LedgerDay = z.infer<typeof ledgerDay>;

/**
 * The map's rows, one per merchant, as tuples (100,000 of them travel in one answer):
 * [id, lon, lat, districtId, businessType, risk grade (null before the first score),
 * open alerts (not closed or dismissed), name].
 */
export const merchantPoints = z.object({
	rows: z.array(
		z.tuple([
			z.string(),
			z.number(),
			z.number(),
			z.string(),
			z.string(),
			z.enum(riskGrades).nullable(),
			z.number().int().nonnegative(),
			z.string()
		])
	)
});
export type MerchantPoints = z.infer<typeof merchantPoints>;

export const alertList = z.object({ items: z.array(alert) });

export const storedEvent = z.object({
	id: z.string(),
	type: z.string(),
	occurredAt: z.string(),
	recordedAt: z.string(),
	merchantId: z.string(),
	districtId: z.string(),
	actorKind: z.string(),
	actorId: z.string(),
	payload: z.unknown()
});
export const eventList = z.object({ items: z.array(storedEvent) });

const componentHealth = z.object({ ok: z.boolean(), detail: z.string().optional() });

export const processorHealth = z.object({
	status: z.enum(['ok', 'degraded', 'down']),
	nats: componentHealth,
	store: componentHealth,
	processor: z.object({
		ok: z.boolean(),
		consumerLag: z.number().int().nullable(),
		lastEventAt: z.string().nullable(),
		storedEvents: z.number().int(),
		deadLetters: z.number().int(),
		detail: z.string().optional()
	})
});
export type ProcessorHealth = z.infer<typeof processorHealth>;
