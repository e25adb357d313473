import { z } from 'zod';
import { supplierLot, type SupplierLot } from '../events/recall';

/** A lot as far as its supplier lot goes: who delivered it, the batch printed on it, the product. */
export interface LotKeyFields {
	supplierId: string;
	/** '' or null when the goods carried none. */
	batchNo: string | null;
	sku: string;
	productionDate: string;
}

/**
 * Whether a merchant's lot belongs to a supplier lot. With a batch number the supplier and the
 * batch decide (and the product too when the recall names it: a supplier may reuse a batch
 * number across products); without one, the product and its production date stand for it.
 */
export function matchesSupplierLot(lot: LotKeyFields, key: SupplierLot): boolean {
	if (lot.supplierId !== key.supplierId) return false;
	if (key.sku !== undefined && lot.sku !== key.sku) return false;
	if (key.batchNo !== undefined) return (lot.batchNo ?? '') === key.batchNo;
	return lot.productionDate === key.productionDate;
}

/** The supplier lot a merchant's lot belongs to: its batch when printed, else product and date. */
export function supplierLotOf(lot: LotKeyFields): SupplierLot {
	return lot.batchNo
		? { supplierId: lot.supplierId, batchNo: lot.batchNo }
		: { supplierId: lot.supplierId, sku: lot.sku, productionDate: lot.productionDate };
}

/** One text per supplier lot, for grouping and for ids made from it. */
export function supplierLotText(key: SupplierLot): string {
	return [key.supplierId, key.batchNo ?? '', key.sku ?? '', key.productionDate ?? ''].join('|');
}

/**
 * The SQL condition on the `lots` table for a supplier lot: fixed text, the values bound as
 * {supplierId}, {batchNo}, {sku}, {productionDate} (see `supplierLotParams`). Mirrors
 * `matchesSupplierLot`.
 */
export function supplierLotCondition(key: SupplierLot, table = 'lots'): string {
	const parts = [`${table}.supplierId = {supplierId:String}`];
	if (key.sku !== undefined) parts.push(`${table}.sku = {sku:String}`);
	if (key.batchNo !== undefined) parts.push(`${table}.batchNo = {batchNo:String}`);
	else parts.push(`${table}.productionDate = {productionDate:Date}`);
	return parts.join(' AND ');
}

export function supplierLotParams(key: SupplierLot): Record<string, string> {
	return {
		supplierId: key.supplierId,
		batchNo: key.batchNo ?? '',
		sku: key.sku ?? '',
		productionDate: key.productionDate ?? '1970-01-01'
	};
}

/** A supplier lot from a query string (empty fields are absent), with how many merchants to list. */
export const supplierLotQuery = z
	.object({
		supplierId: z.string(),
		batchNo: z.string().optional(),
		sku: z.string().optional(),
		productionDate: z.string().optional(),
		limit: z.coerce.number().int().min(1).max(20_000).default(1_000),
		after: z.string().max(400).optional()
	})
	.transform(({ limit, after, ...lot }, ctx) => {
		const parsed = supplierLot.safeParse(lot);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom' });
			return z.NEVER;
		}
		return { lot: parsed.data, limit, after };
	});

/** The query string of a supplier lot (what the pages send to the read API). */
export function supplierLotSearch(key: SupplierLot): URLSearchParams {
	const q = new URLSearchParams({ supplierId: key.supplierId });
	if (key.batchNo !== undefined) q.set('batchNo', key.batchNo);
	if (key.sku !== undefined) q.set('sku', key.sku);
	if (key.productionDate !== undefined) q.set('productionDate', key.productionDate);
	return q;
}
