import { productUpserted, supplierUpserted } from '../events/stock';
import { tillOrderPlaced, tillSaleRecorded } from '../events/till';
import type { z } from 'zod';

type Stored = { id: string; type: string; occurredAt: string; payload: unknown };
export type Product = z.infer<typeof productUpserted> & { updatedAt: string };
export type Supplier = z.infer<typeof supplierUpserted> & { updatedAt: string };

/** The latest of each key from upserts listed newest first (as the read API lists events). */
function latest<S extends z.ZodType, K extends string>(
	events: readonly Stored[],
	type: string,
	schema: S,
	key: (p: z.infer<S>) => K
): (z.infer<S> & { updatedAt: string })[] {
	const seen = new Map<K, z.infer<S> & { updatedAt: string }>();
	for (const e of events) {
		if (e.type !== type) continue;
		const p = schema.safeParse(e.payload);
		if (!p.success) continue;
		const k = key(p.data);
		if (!seen.has(k)) seen.set(k, { ...(p.data as object), updatedAt: e.occurredAt } as never);
	}
	return [...seen.values()];
}

/** The shop's products, each as last sent, by name. */
export const productsOf = (events: readonly Stored[]): Product[] =>
	latest(events, 'stock.product.upserted', productUpserted, (p) => p.sku).sort((a, b) =>
		a.name.localeCompare(b.name, 'zh-CN')
	);

/** The shop's suppliers, each as last sent, by name. */
export const suppliersOf = (events: readonly Stored[]): Supplier[] =>
	latest(events, 'stock.supplier.upserted', supplierUpserted, (s) => s.supplierId).sort((a, b) =>
		a.name.localeCompare(b.name, 'zh-CN')
	);

/** Table orders (扫码点餐) not yet paid: placed, and no sale of the same order id since. */
export function ordersAwaitingPayment(events: readonly Stored[]) {
	const paid = new Set<string>();
	for (const e of events) {
		if (e.type !== 'till.sale.recorded') continue;
		const p = tillSaleRecorded.safeParse(e.payload);
		if (p.success) paid.add(p.data.orderId);
	}
	return events.flatMap((e) => {
		if (e.type !== 'till.order.placed') return [];
		const p = tillOrderPlaced.safeParse(e.payload);
		if (!p.success || paid.has(p.data.orderId)) return [];
		return [{ ...p.data, placedAt: e.occurredAt }];
	});
}
