import { z } from 'zod';
import { supplierLot } from '../events/recall';

/**
 * What the processor's read API answers for stock, traces and recalls (双向追溯). The numbers are
 * the events' own: received by purchase intake, sold by till sales, the rest by stock movements.
 * Paths (all behind the read-api ticket, scoped like the rest of the API):
 *   GET /api/merchants/:id/stock              the shop's lots with what is left (lotAccount[])
 *   GET /api/merchants/:id/recalls            recalls open for the shop, with its lot ids
 *   GET /api/trace/forward?supplierId=&batchNo=&sku=&productionDate=      forwardTrace
 *   GET /api/trace/forward/sales?…same…&after=<cursor>                    the sale lines, paged
 *   GET /api/trace/backward?merchantId=&from=&to=                          backwardTrace
 *   GET /api/trace/suppliers?q=&limit=                                      supplierChoices
 *   GET /api/trace/supplier-batches?supplierId=&limit=                      supplierBatches
 *   GET /api/recalls, GET /api/recalls/:recallId                           recallSummary, recallProgress
 */

/** One merchant's lot and where its units went. remaining = received − sold − out + adjusted. */
export const lotAccount = z.object({
	merchantId: z.string(),
	merchantName: z.string(),
	/** The shop's registered address: the trace's location (FSMA 204 asks for it). */
	merchantAddress: z.string(),
	districtId: z.string(),
	lotId: z.string(),
	sku: z.string(),
	productName: z.string(),
	supplierId: z.string(),
	supplierName: z.string(),
	batchNo: z.string().nullable(),
	unit: z.string(),
	productionDate: z.iso.date(),
	expiresOn: z.iso.date(),
	receivedAt: z.string(),
	received: z.number(),
	sold: z.number(),
	wasted: z.number(),
	returned: z.number(),
	pulled: z.number(),
	/** Adjustments and count differences, signed. */
	adjusted: z.number(),
	remaining: z.number(),
	firstSoldAt: z.string().nullable(),
	lastSoldAt: z.string().nullable(),
	/** Under an open recall: the till refuses it. */
	recallIds: z.array(z.string())
});
export type LotAccount = z.infer<typeof lotAccount>;

export const lotTotals = z.object({
	received: z.number(),
	sold: z.number(),
	wasted: z.number(),
	returned: z.number(),
	pulled: z.number(),
	adjusted: z.number(),
	remaining: z.number()
});

export const forwardTrace = z.object({
	lot: supplierLot,
	merchants: z.number(),
	totals: lotTotals,
	items: z.array(lotAccount),
	/** True when more merchants received it than the answer lists (the export has them all). */
	truncated: z.boolean()
});
export type ForwardTrace = z.infer<typeof forwardTrace>;

/** A sale line of a traced lot: when, how much, and the member who bought it where known. */
export const tracedSale = z.object({
	merchantId: z.string(),
	lotId: z.string(),
	orderId: z.string(),
	soldAt: z.string(),
	quantity: z.number(),
	memberId: z.string().nullable()
});
export const tracedSales = z.object({ items: z.array(tracedSale), next: z.string().nullable() });

export const backwardTrace = z.object({
	merchantId: z.string(),
	from: z.iso.date(),
	to: z.iso.date(),
	/** The lots the shop sold from (or held) in the window, with the quantity sold in it. */
	lots: z.array(lotAccount.extend({ soldInWindow: z.number() })),
	suppliers: z.array(
		z.object({
			supplierId: z.string(),
			supplierName: z.string(),
			/** The other shops this supplier delivered the same supplier lots to. */
			otherMerchants: z.array(
				z.object({
					merchantId: z.string(),
					merchantName: z.string(),
					districtId: z.string(),
					lots: z.number(),
					received: z.number()
				})
			)
		})
	)
});
export type BackwardTrace = z.infer<typeof backwardTrace>;

export const recallSummary = z.object({
	recallId: z.string(),
	title: z.string(),
	level: z.enum(['1', '2', '3']),
	openedAt: z.string(),
	closedAt: z.string().nullable(),
	merchants: z.number(),
	merchantsDone: z.number(),
	/** Units on the shelves when the recall opened, and how many are accounted for since. */
	unitsAffected: z.number(),
	unitsAccounted: z.number()
});

export const recallProgress = recallSummary.extend({
	reason: z.string(),
	lots: z.array(supplierLot),
	items: z.array(
		z.object({
			merchantId: z.string(),
			merchantName: z.string(),
			districtId: z.string(),
			acknowledgedAt: z.string().nullable(),
			closedAt: z.string().nullable(),
			lots: z.array(
				z.object({
					lotId: z.string(),
					atOpening: z.number(),
					pulled: z.number(),
					disposition: z.string().nullable()
				})
			),
			done: z.boolean()
		})
	)
});
export type RecallProgress = z.infer<typeof recallProgress>;

/** A shop's open recalls (its notice board and the till's refusal list). */
export const merchantRecalls = z.object({
	items: z.array(
		z.object({
			recallId: z.string(),
			title: z.string(),
			level: z.enum(['1', '2', '3']),
			reason: z.string(),
			publicNotice: z.string(),
			openedAt: z.string(),
			acknowledgedAt: z.string().nullable(),
			lotIds: z.array(z.string())
		})
	)
});
export type MerchantRecalls = z.infer<typeof merchantRecalls>;

/**
 * Suppliers seen in the reader's scope (from the shops' purchase intake), for picking one by
 * name: the forward trace asks for the supplier's id, which no officer knows by heart.
 */
export const supplierChoices = z.object({
	items: z.array(
		z.object({
			supplierId: z.string(),
			supplierName: z.string(),
			/** Shops in the scope it delivered to. */
			merchants: z.number()
		})
	)
});
export type SupplierChoices = z.infer<typeof supplierChoices>;

/**
 * A supplier's batches the scope's shops received, the latest delivered first: where an officer
 * starts who knows the supplier but not yet the batch (每批次 a line; goods without a batch number
 * go by product and production date). Each line's `lot` is what its forward trace asks for.
 */
export const supplierBatches = z.object({
	supplierId: z.string(),
	supplierName: z.string(),
	items: z.array(
		z.object({
			lot: supplierLot,
			productNames: z.array(z.string()),
			productionDate: z.iso.date(),
			merchants: z.number(),
			received: z.number(),
			unit: z.string(),
			lastReceivedAt: z.string()
		})
	),
	/** More batches than the list holds (the oldest left out). */
	truncated: z.boolean()
});
export type SupplierBatches = z.infer<typeof supplierBatches>;
