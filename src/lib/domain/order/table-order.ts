import { z } from 'zod';
import { entityId } from '../ids';
import { productCategory } from '../events/stock';
import { riskGrades } from '../risk/risk-settings';

/**
 * 扫码点餐: the shapes the diner's menu, the order and the till's order list travel in (read API
 * → web server), and the order as the diner sends it. Public answers carry no person: the menu
 * is products and prices, an order is its table, lines and total.
 */

/** A dish on the menu: what the public may know of a product, and how many may be ordered. */
export const menuItem = z.object({
	sku: z.string(),
	name: z.string(),
	category: productCategory,
	unit: z.string(),
	priceFen: z.number().int().nonnegative(),
	/** Units that may be sold now (not recalled, not expired), capped at MENU_LEFT_CAP. */
	left: z.number().int().nonnegative()
});
export type MenuItem = z.infer<typeof menuItem>;

/** The menu says "enough" above this: how much a shop holds is not the public's business. */
export const MENU_LEFT_CAP = 99;

export const publicMenu = z.object({
	merchant: z.object({
		id: z.string(),
		name: z.string(),
		districtId: z.string(),
		grade: z.enum(riskGrades).nullable()
	}),
	items: z.array(menuItem)
});
export type PublicMenu = z.infer<typeof publicMenu>;

export const orderLine = z.object({
	sku: z.string(),
	productName: z.string(),
	quantity: z.number(),
	unitPriceFen: z.number()
});

/**
 * An order as the diner and the till see it: `paid` once its sale is recorded, `refunded` when
 * the diner paid but the shop could not serve it.
 */
export const tableOrderView = z.object({
	orderId: z.string(),
	merchantId: z.string(),
	districtId: z.string(),
	table: z.string().nullable(),
	lines: z.array(orderLine),
	totalFen: z.number(),
	placedAt: z.string(),
	status: z.enum(['placed', 'paid', 'refunded']),
	paidAt: z.string().nullable(),
	/** A paid order the shop could not serve, refunded: why, and the dish that was missing. */
	refund: z
		.object({
			reason: z.enum(['out_of_stock', 'blocked']),
			productName: z.string().nullable(),
			at: z.string()
		})
		.nullable()
});
export type TableOrderView = z.infer<typeof tableOrderView>;

export const tableOrderList = z.object({ items: z.array(tableOrderView) });

/** A table number as printed on the QR code (?table=5): short, letters, digits and dashes. */
export const tableNo = z
	.string()
	.trim()
	.regex(/^[A-Za-z0-9\u4e00-\u9fff-]{1,10}$/);

/** The diner's order as the form sends it: sku → quantity, nothing else is trusted. */
export const orderRequest = z.object({
	table: tableNo.optional(),
	lines: z
		.array(z.object({ sku: entityId, quantity: z.number().int().min(1).max(20) }))
		.min(1)
		.max(30)
});
export type OrderRequest = z.infer<typeof orderRequest>;

export type PricedOrder =
	| {
			ok: true;
			lines: { sku: string; productName: string; quantity: number; unitPriceFen: number }[];
			totalFen: number;
	  }
	| {
			ok: false;
			problems: { sku: string; name: string; reason: 'not_on_menu' | 'sold_out'; left: number }[];
	  };

/** Prices an order from the menu (never from the request) and checks what is left of each dish. */
export function priceOrder(menu: readonly MenuItem[], request: OrderRequest): PricedOrder {
	const bySku = new Map(menu.map((m) => [m.sku, m]));
	const wanted = new Map<string, number>();
	for (const l of request.lines) wanted.set(l.sku, (wanted.get(l.sku) ?? 0) + l.quantity);
	const problems: Extract<PricedOrder, { ok: false }>['problems'] = [];
	const lines: Extract<PricedOrder, { ok: true }>['lines'] = [];
	for (const [sku, quantity] of wanted) {
		const item = bySku.get(sku);
		if (!item) problems.push({ sku, name: sku, reason: 'not_on_menu', left: 0 });
		else if (item.left < quantity) {
			problems.push({ sku, name: item.name, reason: 'sold_out', left: item.left });
		} else lines.push({ sku, productName: item.name, quantity, unitPriceFen: item.priceFen });
	}
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, lines, totalFen: lines.reduce((s, l) => s + l.quantity * l.unitPriceFen, 0) };
}

/** The order number a diner reads out at the counter: the id's last six characters. */
export function orderNumber(orderId: string): string {
	return orderId.replace(/-/g, '').slice(-6).toUpperCase();
}

/** Fen as yuan for a price tag: ¥18.00. */
export function formatYuan(fen: number): string {
	return `¥${(fen / 100).toFixed(2)}`;
}
