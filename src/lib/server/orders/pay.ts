import { jetstream } from '@nats-io/jetstream';
import type { TicketClaims } from '../../domain/auth/claims';
import { allocateFifo } from '../../domain/stock/fifo';
import { localDay } from '../../domain/time';
import { makeEvent, publishEvent } from '../backbone/publisher';
import { nats } from '../nats';
import { sandboxPayments } from '../payments/configured';
import type { PaymentConfirmation } from '../payments/sandbox';
import { sellableLots } from '../stock/shop-stock';
import { pollUntil } from '../record-event';
import { orderOf } from './public-reads';
import { tableSaleEventId } from './sale-id';

export type ConfirmationOutcome =
	| { ok: true; status: 'paid' | 'cancelled'; orderId: string; merchantId: string }
	| {
			ok: false;
			reason: 'bad_signature' | 'no_order' | 'amount_mismatch' | 'out_of_stock' | 'blocked';
			/** The dish that could not be served (out_of_stock, blocked). */
			productName?: string;
	  };

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
 * its lines resolved to lots first-expiring-first-out; recalled and expired lots are refused.
 * Idempotent: the sale's event id is fixed by the order, an order already paid is answered as
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
	if (order.status === 'paid') return { ...done, status: 'paid' };

	// The till's own view of the shop's lots and its FIFO: a diner's order sells like the counter.
	const { lots } = await sellableLots(tillOf(c.merchantId), c.merchantId);
	const today = localDay(Date.now());
	const lines = [];
	for (const l of order.lines) {
		const fifo = allocateFifo(lots, l.sku, l.quantity, today);
		if (!fifo.ok) {
			// Enough on the shelf only counting recalled or expired lots: those may not be sold.
			const reason = fifo.refused.length > 0 ? 'blocked' : 'out_of_stock';
			return { ok: false, reason, productName: l.productName };
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
	// The diner's page reads "paid" from the store: land there once it says so.
	await pollUntil(async () => (await orderOf(c.merchantId, c.orderId))?.status === 'paid', {
		timeoutMs: 5_000
	});
	return { ...done, status: 'paid' };
}
