import { jetstream } from '@nats-io/jetstream';
import type { TicketClaims } from '../../domain/auth/claims';
import { makeEvent, publishEvent } from '../backbone/publisher';
import { nats } from '../nats';
import { sandboxPayments } from '../payments/configured';
import type { PaymentConfirmation } from '../payments/sandbox';
import { recordSale } from '../stock/sell';
import { pollUntil } from '../record-event';
import { orderOf } from './public-reads';
import { tableRefundEventId, tableSaleKey } from './sale-id';

export type ConfirmationOutcome =
	| {
			ok: true;
			status: 'paid' | 'cancelled' | 'refunded';
			orderId: string;
			merchantId: string;
	  }
	| { ok: false; reason: 'bad_signature' | 'no_order' | 'amount_mismatch' | 'refund_failed' };

/**
 * The shop's till as the reader of its own lots: the payment callback acts for the shop (there
 * is no signed-in person), on that one shop only.
 */
const tillOf = (merchantId: string): TicketClaims => ({
	sub: 'table-order',
	role: 'merchant_staff',
	districts: [],
	merchants: [merchantId]
});

// One confirmation of an order at a time in this process: a double tap waits for the first.
const inFlight = new Map<string, Promise<ConfirmationOutcome>>();

/**
 * The provider's confirmation of a diner's payment (支付结果通知), verified before anything is
 * trusted. A paid order is sold as the till sells (`recordSale`: one `till.sale.recorded`,
 * channel table_qr, the provider's ref); an order that cannot be served is refunded
 * (`till.order.refunded`). Idempotent: the sale's event id is fixed by the order, an order
 * already paid is answered as paid, and concurrent confirmations of one order wait for the first.
 */
export function receiveConfirmation(c: PaymentConfirmation): Promise<ConfirmationOutcome> {
	if (!sandboxPayments().verify(c)) return Promise.resolve({ ok: false, reason: 'bad_signature' });
	const running = inFlight.get(c.orderId);
	if (running) return running;
	const work = settle(c).finally(() => inFlight.delete(c.orderId));
	inFlight.set(c.orderId, work);
	return work;
}

async function settle(c: PaymentConfirmation): Promise<ConfirmationOutcome> {
	const order = await orderOf(c.merchantId, c.orderId);
	if (!order) return { ok: false, reason: 'no_order' };
	if (order.totalFen !== c.amountFen) return { ok: false, reason: 'amount_mismatch' };
	const done = { ok: true as const, orderId: c.orderId, merchantId: c.merchantId };
	if (c.status === 'cancelled') return { ...done, status: 'cancelled' };
	if (order.status !== 'placed') return { ...done, status: order.status };
	// The till's own sale, under the shop's sale gate: the last unit goes to one of them. Already
	// paid (nothing to charge), at the prices the diner ordered at, lots first-expiring-first-out.
	const outcome = await recordSale({
		claims: tillOf(c.merchantId),
		shop: { id: c.merchantId, districtId: order.districtId },
		actor: { kind: 'system', id: 'payments-sandbox' },
		orderId: c.orderId,
		requested: order.lines.map(({ sku, quantity, unitPriceFen }) => ({
			sku,
			quantity,
			unitPriceFen
		})),
		channel: 'table_qr',
		payment: 'mobile',
		paymentRef: c.ref,
		idempotencyKey: tableSaleKey(c.merchantId, c.orderId)
	});
	if (!outcome.ok) {
		// Lines name products only, priced: what fails is stock. Enough on the shelf only counting
		// recalled or expired lots is `blocked` (those may not be sold).
		const problem = outcome.kind === 'lines' ? outcome.problems[0] : undefined;
		const blocked = problem?.reason === 'short' && problem.refused.length > 0;
		const refunded = await refundOrder(c, order.districtId, {
			reason: blocked ? 'blocked' : 'out_of_stock',
			productName: order.lines[problem?.line ?? 0]?.productName ?? ''
		});
		if (!refunded) return { ok: false, reason: 'refund_failed' };
	}
	const status = outcome.ok ? 'paid' : 'refunded';
	// The diner's page reads the order from the store: land there once it says so.
	await pollUntil(async () => (await orderOf(c.merchantId, c.orderId))?.status === status, {
		timeoutMs: 5_000
	});
	return { ...done, status };
}

/**
 * The diner paid, but the shop cannot serve the order (sold out meanwhile, or a lot recalled or
 * expired): the provider gives the money back and the order says so, with the missing dish. The
 * provider's notice is still accepted (answered 200), as a provider expects.
 */
async function refundOrder(
	c: PaymentConfirmation,
	districtId: string,
	why: { reason: 'out_of_stock' | 'blocked'; productName: string }
): Promise<boolean> {
	const refund = await sandboxPayments().refund({
		orderId: c.orderId,
		ref: c.ref,
		amountFen: c.amountFen,
		reason: why.reason === 'out_of_stock' ? '商品已售完' : '商品暂停销售'
	});
	if (!refund.ok) return false;
	const event = makeEvent({
		id: tableRefundEventId(c.merchantId, c.orderId),
		type: 'till.order.refunded',
		merchantId: c.merchantId,
		districtId,
		actor: { kind: 'system', id: 'payments-sandbox' },
		payload: {
			orderId: c.orderId,
			amountFen: c.amountFen,
			paymentRef: c.ref,
			refundRef: refund.refundRef,
			reason: why.reason,
			productName: why.productName
		}
	});
	await publishEvent(jetstream((await nats()).nc), event);
	return true;
}
