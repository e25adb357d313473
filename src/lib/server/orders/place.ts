import { jetstream } from '@nats-io/jetstream';
import { uuidv7 } from '../../domain/ids';
import { priceOrder, type OrderRequest, type PricedOrder } from '../../domain/order/table-order';
import {
	countRequest,
	sweepWindows,
	type RateLimit,
	type RateWindow
} from '../../domain/auth/rate-limit';
import { makeEvent, publishEvent } from '../backbone/publisher';
import { nats } from '../nats';
import { sandboxPayments } from '../payments/configured';
import type { PaymentRequest } from '../payments/sandbox';
import { pollUntil } from '../record-event';
import { menuOf, orderOf } from './public-reads';

/** Orders one address may place: a table of friends orders a few times, a script is stopped. */
export const tableOrderLimit: RateLimit = { limit: 10, windowMs: 10 * 60_000 };
// Per process, as the other write limits (rate-limit.ts): it bounds floods, it is not a quota.
const windows = new Map<string, RateWindow>();
let lastSweep = 0;

export type PlaceResult =
	| { ok: true; orderId: string; payment: PaymentRequest }
	| { ok: false; reason: 'no_shop' | 'rate_limited' }
	| Extract<PricedOrder, { ok: false }>;

/**
 * A diner's order from the table (扫码点餐): priced from the shop's menu as it is now, refused
 * when a dish is off the menu or sold out (recalled and expired lots do not count), filed as
 * `till.order.placed` (the event's id is the order id), and handed to the sandbox provider's page
 * as a signed payment request. The diner gives nothing about themselves.
 */
export async function placeTableOrder(
	merchantId: string,
	request: OrderRequest,
	address: string,
	now = Date.now()
): Promise<PlaceResult> {
	if (now - lastSweep > 60_000) {
		sweepWindows(windows, tableOrderLimit, now);
		lastSweep = now;
	}
	if (!countRequest(windows, address, tableOrderLimit, now).allowed) {
		return { ok: false, reason: 'rate_limited' };
	}
	const menu = await menuOf(merchantId);
	if (!menu) return { ok: false, reason: 'no_shop' };
	const priced = priceOrder(menu.items, request);
	if (!priced.ok) return priced;
	const orderId = uuidv7(now);
	const event = makeEvent(
		{
			id: orderId,
			type: 'till.order.placed',
			merchantId,
			districtId: menu.merchant.districtId,
			actor: { kind: 'public', id: 'table-qr' },
			payload: {
				orderId,
				...(request.table ? { table: request.table } : {}),
				lines: priced.lines,
				totalFen: priced.totalFen,
				channel: 'table_qr'
			}
		},
		now
	);
	await publishEvent(jetstream((await nats()).nc), event);
	// The pay page and the till read the order from the store: land there once it is in.
	await pollUntil(async () => (await orderOf(merchantId, orderId)) !== null, { timeoutMs: 5_000 });
	return {
		ok: true,
		orderId,
		payment: sandboxPayments().request({ orderId, merchantId, amountFen: priced.totalFen })
	};
}
