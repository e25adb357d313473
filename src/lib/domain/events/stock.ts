import { z } from 'zod';
import { entityId } from '../ids';
import { fen, shortText } from './common';

/**
 * The merchant's catalogue and stock (商品、供应商、库存). Lots themselves are made by purchase
 * intake (`ledger.purchase.recorded`, ledger.ts) and used up by sales (`till.sale.recorded`);
 * everything else that changes a lot's quantity is a stock movement here.
 */

export const productCategory = z.enum([
	'meat',
	'poultry',
	'seafood',
	'vegetables',
	'fruit',
	'grain_oil',
	'dairy_eggs',
	'seasoning',
	'prepared',
	'beverage',
	'other'
]);
export type ProductCategory = z.infer<typeof productCategory>;

export const storageCondition = z.enum(['ambient', 'chilled', 'frozen']);

/** A product (SKU) the shop buys or sells; sent again whole to change it. */
export const productUpserted = z.object({
	sku: entityId,
	name: shortText(100),
	category: productCategory,
	/** Days from production to expiry, for intakes that do not print a date. */
	shelfLifeDays: z.number().int().positive().max(3_650),
	storage: storageCondition,
	unit: shortText(10),
	/** Menu price: products with one can be ordered at the table (扫码点餐). */
	priceFen: fen.optional(),
	/** Off the menu and the till, kept for history. */
	retired: z.boolean().optional()
});

/**
 * A supplier (供货者). The licence number is public business data; the contact is a person's
 * name and phone and must never reach a public page.
 */
export const supplierUpserted = z.object({
	supplierId: entityId,
	name: shortText(100),
	/** 食品经营许可证 / 营业执照 number. */
	licenceNo: shortText(50),
	contact: z.object({ name: shortText(50), phone: shortText(30) }).optional()
});

/**
 * Anything but a purchase or a sale that changes what a lot holds:
 * - waste (报损), return (退货 to the supplier), recall_pull (下架 for a recall): quantity out, > 0;
 * - adjustment: a signed correction with its reason;
 * - count (盘点): the quantity found on the shelf; the processor books the difference.
 */
export const stockMovementRecorded = z
	.object({
		movementId: entityId,
		lotId: entityId,
		sku: entityId,
		kind: z.enum(['waste', 'return', 'adjustment', 'count', 'recall_pull']),
		quantity: z.number().finite().min(-1_000_000).max(1_000_000),
		reason: shortText(200),
		/** The recall this pull answers (kind recall_pull). */
		recallId: entityId.optional()
	})
	.refine((m) => m.kind === 'adjustment' || m.quantity >= 0, {
		message: 'only an adjustment may be negative',
		path: ['quantity']
	})
	.refine((m) => (m.kind === 'recall_pull') === (m.recallId !== undefined), {
		message: 'a recall pull names its recall, and only a recall pull does',
		path: ['recallId']
	});
export type StockMovement = z.infer<typeof stockMovementRecorded>;
