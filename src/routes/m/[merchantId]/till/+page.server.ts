import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { paymentMethod } from '$lib/domain/events/till';
import { entityId, uuidv7 } from '$lib/domain/ids';
import { refusalOf } from '$lib/domain/stock/fifo';
import { requestedLine, type LineProblem } from '$lib/domain/stock/sale';
import { localDay } from '$lib/domain/time';
import { tableSaleKey } from '$lib/server/orders/sale-id';
import { sandboxEnabled, sandboxPayments } from '$lib/server/payments/configured';
import { untilStored } from '$lib/server/record-event';
import { recordSale } from '$lib/server/stock/sell';
import {
	productsOfShop,
	recentTableOrders,
	sellableLots,
	tableOrdersOfShop
} from '$lib/server/stock/shop-stock';
import { actorKinds } from '$lib/server/record-event';
import { formFields, stockShop } from '../stock.server';
import type { Actions, PageServerLoad } from './$types';

/** 收银: the shop's priced products with what can be sold of each, and table orders to collect. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { viewer, shop, isOwner } = await stockShop(locals, params.merchantId);
	const [products, { lots }, orders] = await Promise.all([
		productsOfShop(viewer.claims, shop.id),
		sellableLots(viewer.claims, shop.id),
		tableOrdersOfShop(viewer.claims, shop.id)
	]);
	const today = localDay(Date.now());
	const available = new Map<string, number>();
	for (const l of lots) {
		if (refusalOf(l, today) === null) {
			available.set(l.sku, (available.get(l.sku) ?? 0) + l.remaining);
		}
	}
	return {
		shop: { id: shop.id, name: shop.name },
		owner: isOwner,
		// A fresh id per page: a second click on the same order is the same sale.
		orderId: uuidv7(),
		products: products
			.filter((p) => !p.retired && p.priceFen !== undefined)
			.map((p) => ({
				sku: p.sku,
				name: p.name,
				unit: p.unit,
				priceFen: p.priceFen ?? 0,
				available: Math.round((available.get(p.sku) ?? 0) * 1000) / 1000
			})),
		orders: orders.map((o) => ({
			orderId: o.orderId,
			table: o.table ?? null,
			totalFen: o.totalFen,
			placedAt: o.placedAt,
			lines: o.lines.map(({ sku, productName, quantity }) => ({ sku, productName, quantity }))
		}))
	};
};

const tillForm = z.object({
	orderId: entityId,
	lines: z
		.string()
		.max(20_000)
		.transform((s, ctx) => {
			try {
				return JSON.parse(s) as unknown;
			} catch {
				ctx.addIssue({ code: 'custom', message: 'not JSON' });
				return z.NEVER;
			}
		})
		.pipe(
			z
				.array(requestedLine.pick({ sku: true, quantity: true }))
				.min(1)
				.max(200)
		),
	payment: paymentMethod.extract(['cash', 'mobile']),
	/** Set when the sale collects a diner's table order. */
	tableOrder: z.literal('1').optional()
});

/** What the till shows for a refused line: the product and why (召回批次禁止销售 first). */
type TillRefusal = {
	reason: 'recalled' | 'expired' | 'short' | 'no_price';
	product: string;
	available?: number;
};

function refusals(problems: LineProblem[], names: Map<string, string>): TillRefusal[] {
	return problems.map((p): TillRefusal => {
		const product = names.get(p.sku) ?? p.sku;
		if (p.reason === 'no_price') return { reason: 'no_price' as const, product };
		if (p.reason === 'lot_refused') {
			const r = p.refusal.reason;
			return {
				reason: r === 'recalled' || r === 'expired' ? r : ('short' as const),
				product,
				available: 0
			};
		}
		// Short: say recall or expiry when that is what kept the stock back.
		const kept = p.refused.find((r) => r.reason === 'recalled') ?? p.refused[0];
		const reason =
			kept?.reason === 'recalled' || kept?.reason === 'expired' ? kept.reason : 'short';
		return { reason, product, available: p.available };
	});
}

export const actions: Actions = {
	sell: async ({ locals, params, request }) => {
		const { viewer, shop } = await stockShop(locals, params.merchantId);
		const parsed = tillForm.safeParse(await formFields(request));
		if (!parsed.success) return fail(400, { invalid: true });
		const { orderId, lines, payment, tableOrder } = parsed.data;
		// Mobile payment goes through the sandbox provider: none when it is switched off.
		if (payment === 'mobile' && !sandboxEnabled()) return fail(402, { payment: 'sandbox_off' });
		let requested = lines;
		if (tableOrder) {
			// A diner may have paid online (or been refunded) meanwhile: that order is not collected
			// again. Its lines are the order's as placed, not what the page sent.
			const orders = await recentTableOrders(viewer.claims, shop.id);
			const order = orders.find((o) => o.orderId === orderId);
			if (!order) return fail(404, { tableOrder: 'missing' as const });
			if (order.status !== 'placed') return fail(409, { tableOrder: order.status });
			// At the prices the diner ordered at, not today's: the menu may have changed since.
			requested = order.lines.map(({ sku, quantity, unitPriceFen }) => ({
				sku,
				quantity,
				unitPriceFen
			}));
		}
		const outcome = await recordSale({
			claims: viewer.claims,
			shop,
			actor: { kind: actorKinds[viewer.user.role], id: viewer.user.username },
			orderId,
			requested,
			channel: tableOrder ? 'table_qr' : 'till',
			payment,
			provider: sandboxPayments(),
			// A table order's sale has one id whoever records it (the till or the diner's payment).
			idempotencyKey: tableOrder
				? tableSaleKey(shop.id, orderId)
				: `till.sale|${shop.id}|${orderId}`
		});
		if (!outcome.ok) {
			if (outcome.kind === 'payment') return fail(402, { payment: outcome.reason });
			const names = new Map(
				(await productsOfShop(viewer.claims, shop.id)).map((p) => [p.sku, p.name])
			);
			return fail(409, { refused: refusals(outcome.problems, names) });
		}
		await untilStored(viewer.claims, outcome.event);
		const { totalFen } = outcome.sale;
		return {
			sold: {
				orderId,
				totalFen,
				lines: outcome.sale.lines.map(({ productName, quantity, lotId }) => ({
					productName,
					quantity,
					lotId
				}))
			}
		};
	}
};
