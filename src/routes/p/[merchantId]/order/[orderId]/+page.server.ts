import { error } from '@sveltejs/kit';
import { orderNumber } from '$lib/domain/order/table-order';
import { sandboxEnabled, sandboxPayments } from '$lib/server/payments/configured';
import { menuOf, orderOf } from '$lib/server/orders/public-reads';
import type { PageServerLoad } from './$types';

/** A diner's order: paid (with its number to read out at the counter) or waiting for payment. */
export const load: PageServerLoad = async ({ params }) => {
	const [menu, order] = await Promise.all([
		menuOf(params.merchantId),
		orderOf(params.merchantId, params.orderId)
	]);
	if (!menu || !order) error(404, 'no such order');
	// An unpaid order can be paid again: a fresh signed request for its stored total (no online
	// payment when the sandbox is off: the diner pays at the counter).
	const online = sandboxEnabled();
	const pay =
		order.status === 'placed' && online
			? sandboxPayments().request({
					orderId: order.orderId,
					merchantId: order.merchantId,
					amountFen: order.totalFen
				})
			: null;
	return {
		merchant: menu.merchant,
		order,
		number: orderNumber(order.orderId),
		pay: pay ? { m: pay.merchantId, amount: String(pay.amountFen), sig: pay.sig } : null,
		// Placed, and no way to pay it here: the diner is told where to pay.
		payAtCounter: order.status === 'placed' && !online
	};
};
