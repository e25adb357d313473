import { z } from 'zod';
import { entityId } from '../ids';
import { isoDate, shortText } from './common';

/**
 * A supplier's lot as the bureau names it in a recall: the supplier and the batch printed on the
 * goods (批号). Without a batch number the product and its production date stand for it. Each
 * merchant's intake of such goods is its own lot (`lotId`); a trace joins them by this key.
 */
export const supplierLot = z
	.object({
		supplierId: entityId,
		batchNo: shortText(50).optional(),
		sku: entityId.optional(),
		productionDate: isoDate.optional()
	})
	.refine(
		(l) => l.batchNo !== undefined || (l.sku !== undefined && l.productionDate !== undefined),
		{
			message: 'a supplier lot needs its batch number, or its product and production date'
		}
	);
export type SupplierLot = z.infer<typeof supplierLot>;

/**
 * 召回 (recall). A recall is opened by a supervisor on one or more supplier lots; the web server
 * traces them forward and files one `recall.opened` per affected merchant (events are merchant
 * scoped, so each shop's stream holds its own notice), all with the same recallId.
 */
export const recallOpened = z.object({
	recallId: entityId,
	title: shortText(100),
	reason: shortText(1000),
	/** 一级 (serious health risk) … 三级, as the 食品召回管理办法 grades them. */
	level: z.enum(['1', '2', '3']),
	lots: z.array(supplierLot).min(1).max(50),
	/** This merchant's own lots that belong to those supplier lots (from the trace). */
	merchantLotIds: z.array(entityId).max(500),
	/** Shown on the shop's public page while the recall is open. */
	publicNotice: shortText(300)
});

/** The merchant has read the notice (the till already refuses the lots from the opening on). */
export const recallAcknowledged = z.object({ recallId: entityId });

/**
 * The merchant accounts for a recalled lot: what was left and where it went. The stock itself
 * moves with a `stock.movement.recorded` of kind recall_pull; this is the recall's own record.
 */
export const recallLotAccounted = z.object({
	recallId: entityId,
	lotId: entityId,
	/** Units taken off the shelf (0 when none were left). */
	pulled: z.number().nonnegative().max(1_000_000),
	disposition: z.enum(['returned', 'destroyed', 'sealed', 'none_left']),
	note: shortText(300).optional()
});

/** Closed for this merchant (everything accounted for), or for all when the bureau ends it. */
export const recallClosed = z.object({ recallId: entityId, note: shortText(300).optional() });
