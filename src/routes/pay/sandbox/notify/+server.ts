import { json } from '@sveltejs/kit';
import { paymentConfirmation } from '$lib/server/payments/sandbox';
import { receiveConfirmation } from '$lib/server/orders/pay';
import type { RequestHandler } from './$types';

const statusOf = {
	bad_signature: 403,
	no_order: 404,
	amount_mismatch: 409,
	// The provider retries a notice it did not get a 2xx for: the refund is tried again then.
	refund_failed: 502
} as const;

/**
 * The provider's callback (支付结果通知) as a provider outside this server would send it: JSON,
 * verified before anything is trusted, idempotent (a repeated notice answers the same).
 */
export const POST: RequestHandler = async ({ request }) => {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return json({ error: 'not JSON' }, { status: 400 });
	}
	const parsed = paymentConfirmation.safeParse(body);
	if (!parsed.success) return json({ error: 'not a payment confirmation' }, { status: 400 });
	const outcome = await receiveConfirmation(parsed.data);
	if (!outcome.ok) return json({ error: outcome.reason }, { status: statusOf[outcome.reason] });
	return json({ status: outcome.status, orderId: outcome.orderId });
};
