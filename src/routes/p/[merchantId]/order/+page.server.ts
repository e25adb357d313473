import { error, fail, redirect } from '@sveltejs/kit';
import { orderRequest, tableNo, type PricedOrder } from '$lib/domain/order/table-order';
import { menuOf } from '$lib/server/orders/public-reads';
import { placeTableOrder } from '$lib/server/orders/place';
import type { Actions, PageServerLoad } from './$types';
import { sandboxEnabled } from '$lib/server/payments/configured';

/**
 * 扫码点餐: the shop's menu for a diner at a table (the QR code carries ?table=5). No sign-in and
 * nothing about the diner: the order is dishes, a table and a total.
 */
export const load: PageServerLoad = async ({ params, url }) => {
	const menu = await menuOf(params.merchantId);
	if (!menu) error(404, 'no such shop');
	const table = tableNo.safeParse(url.searchParams.get('table') ?? '');
	// Without an online payment provider the diner orders here and pays at the counter.
	return { ...menu, table: table.success ? table.data : null, payOnline: sandboxEnabled() };
};

type Refusal = {
	reason: 'empty' | 'invalid' | 'problems' | 'rate_limited';
	problems: Extract<PricedOrder, { ok: false }>['problems'];
};
const refuse = (status: number, reason: Refusal['reason'], problems: Refusal['problems'] = []) =>
	fail(status, { reason, problems } satisfies Refusal);

export const actions: Actions = {
	default: async ({ params, request, getClientAddress }) => {
		const form = await request.formData();
		const lines: { sku: string; quantity: number }[] = [];
		for (const [name, value] of form) {
			if (!name.startsWith('q.') || typeof value !== 'string') continue;
			const quantity = Number(value);
			if (quantity > 0) lines.push({ sku: name.slice(2), quantity });
		}
		const table = form.get('table');
		const parsed = orderRequest.safeParse({
			lines,
			...(typeof table === 'string' && table !== '' ? { table } : {})
		});
		if (!parsed.success) return refuse(400, lines.length === 0 ? 'empty' : 'invalid');
		const placed = await placeTableOrder(params.merchantId, parsed.data, getClientAddress());
		if (placed.ok) {
			const { orderId, payment } = placed;
			// No online payment provider: the order is at the till, the diner pays at the counter.
			if (!sandboxEnabled()) {
				redirect(
					303,
					`/p/${encodeURIComponent(params.merchantId)}/order/${encodeURIComponent(orderId)}`
				);
			}
			const q = new URLSearchParams({
				m: payment.merchantId,
				amount: String(payment.amountFen),
				sig: payment.sig
			});
			redirect(303, `/pay/sandbox/${encodeURIComponent(orderId)}?${q}`);
		}
		if ('problems' in placed) return refuse(409, 'problems', placed.problems);
		if (placed.reason === 'no_shop') error(404, 'no such shop');
		return refuse(429, placed.reason);
	}
};
