import { fail, redirect } from '@sveltejs/kit';
import { orderNumber, formatYuan } from '$lib/domain/order/table-order';
import { sandboxPayments } from '$lib/server/payments/configured';
import { paymentRequest } from '$lib/server/payments/sandbox';
import { menuOf } from '$lib/server/orders/public-reads';
import { receiveConfirmation } from '$lib/server/orders/pay';
import type { Actions, PageServerLoad } from './$types';

/**
 * The sandbox provider's own page (as WeChat Pay's or Alipay's would be): it shows a payment
 * request only when the shop's signature holds, and turns the diner's tap into a signed
 * confirmation. Its callback to the shop is a function call here (no network); a provider outside
 * would POST the same confirmation to /pay/sandbox/notify.
 */
const requestOf = (orderId: string, get: (name: string) => unknown) => {
	const parsed = paymentRequest.safeParse({
		orderId,
		merchantId: get('m'),
		amountFen: Number(get('amount')),
		sig: get('sig')
	});
	return parsed.success && sandboxPayments().verify(parsed.data) ? parsed.data : null;
};

export const load: PageServerLoad = async ({ params, url }) => {
	const request = requestOf(params.orderId, (n) => url.searchParams.get(n));
	if (!request) return { request: null };
	const menu = await menuOf(request.merchantId);
	return {
		request: {
			m: request.merchantId,
			amount: String(request.amountFen),
			sig: request.sig
		},
		shopName: menu?.merchant.name ?? request.merchantId,
		amount: formatYuan(request.amountFen),
		number: orderNumber(request.orderId)
	};
};

const answer =
	(status: 'paid' | 'cancelled') =>
	async ({ params, request }: Parameters<Actions[string]>[0]) => {
		const form = await request.formData();
		const payment = requestOf(params.orderId, (n) => form.get(n));
		if (!payment) return fail(400, { refused: 'bad_signature' as const });
		const outcome = await receiveConfirmation(sandboxPayments().confirm(payment, status));
		if (!outcome.ok) return fail(409, { refused: outcome.reason });
		redirect(
			303,
			`/p/${encodeURIComponent(outcome.merchantId)}/order/${encodeURIComponent(outcome.orderId)}`
		);
	};

export const actions: Actions = { confirm: answer('paid'), cancel: answer('cancelled') };
