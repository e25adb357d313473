import { jetstream } from '@nats-io/jetstream';
import type { TicketClaims } from '../../domain/auth/claims';
import { allocateFifo } from '../../domain/stock/fifo';
import { localDay } from '../../domain/time';
import { makeEvent, publishEvent } from '../backbone/publisher';
import { nats } from '../nats';
import { sandboxPayments } from '../payments/configured';
import type { PaymentConfirmation } from '../payments/sandbox';
import { sellableLots } from '../stock/shop-stock';
import { underSaleGate } from '../stock/sale-gate';
import { pollUntil } from '../record-event';
import { orderOf } from './public-reads';
import { tableRefundEventId, tableSaleEventId } from './sale-id';

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
 * trusted. A paid order becomes one `till.sale.recorded` (channel table_qr, the provider's ref),
 * its lines resolved to lots first-expiring-first-out; recalled and expired lots are refused,
 * and an order that cannot be served is refunded (`till.order.refunded`). Idempotent: the sale's event id is fixed by the order, an order already paid is answered as
 * paid, and concurrent confirmations of one order wait for the first.
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
	const claims = tillOf(c.merchantId);

	// Under the shop's sale gate, as the till sells: the last unit goes to one of them.
	const outcome = await underSaleGate(claims, c.merchantId, async (gate) => {
		const { lots } = await sellableLots(claims, c.merchantId);
		const sellable = gate.lessHeld(lots);
		const today = localDay(Date.now());
		const lines = [];
		for (const l of order.lines) {
			const fifo = allocateFifo(sellable, l.sku, l.quantity, today);
			if (!fifo.ok) {
				// Enough on the shelf only counting recalled or expired lots: those may not be sold.
				const reason = fifo.refused.length > 0 ? ('blocked' as const) : ('out_of_stock' as const);
				return { sold: false as const, reason, productName: l.productName };
			}
			for (const t of fifo.lines) {
				lines.push({
					sku: l.sku,
					productName: l.productName,
					lotId: t.lotId,
					expiresOn: t.expiresOn,
					quantity: t.quantity,
					unitPriceFen: l.unitPriceFen
				});
			}
		}
		const sale = makeEvent({
			id: tableSaleEventId(c.merchantId, c.orderId),
			type: 'till.sale.recorded',
			merchantId: c.merchantId,
			districtId: order.districtId,
			actor: { kind: 'system', id: 'payments-sandbox' },
			payload: {
				orderId: c.orderId,
				lines,
				totalFen: order.totalFen,
				payment: 'mobile',
				channel: 'table_qr',
				paymentRef: c.ref
			}
		});
		await publishEvent(jetstream((await nats()).nc), sale);
		gate.hold({ eventId: sale.id, occurredAt: sale.occurredAt, lines });
		return { sold: true as const };
	});
	if (!outcome.sold) {
		const refunded = await refundOrder(c, order.districtId, outcome);
		if (!refunded) return { ok: false, reason: 'refund_failed' };
	}
	const status = outcome.sold ? 'paid' : 'refunded';
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
