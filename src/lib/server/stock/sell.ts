import { jetstream } from '@nats-io/jetstream';
import type { TicketClaims } from '../../domain/auth/claims';
import type { FsEvent } from '../../domain/events';
import { makeEvent } from '../../domain/events/make';
import type { TillSale } from '../../domain/events/till';
import {
	resolveSale,
	type CatalogueEntry,
	type LineProblem,
	type RequestedLine
} from '../../domain/stock/sale';
import { localDay } from '../../domain/time';
import { publishEvent } from '../backbone/publisher';
import { stableEventId } from '../backbone/stable-id';
import { nats } from '../nats';
import type { PaymentProvider } from '../payments/provider';
import { underSaleGate, type SaleGate } from './sale-gate';
import { productsOfShop, sellableLots } from './shop-stock';

export interface SaleInput {
	claims: TicketClaims;
	shop: { id: string; districtId: string };
	actor: FsEvent['actor'];
	orderId: string;
	requested: readonly RequestedLine[];
	channel: NonNullable<TillSale['channel']>;
	/** Paid already (a POS reports it) or to be charged here (`mobile` through the provider). */
	payment: TillSale['payment'];
	paymentRef?: string;
	memberId?: string;
	provider?: PaymentProvider;
	/** A POS reporting a sale made from an expired lot it names: recorded, and alerted on. */
	allowExpired?: boolean;
	/** What makes the event id: the same sale asked twice is one event. */
	idempotencyKey: string;
	/** When the sale happened, if not now (a POS that sends after a lost connection). */
	occurredAt?: string;
}

export type SaleOutcome =
	| { ok: true; event: FsEvent; sale: TillSale }
	| { ok: false; kind: 'lines'; problems: LineProblem[] }
	| { ok: false; kind: 'payment'; reason: string };

/**
 * Records one sale: the lines resolved to the shop's lots (FIFO unless named), the payment
 * charged when the till takes it by phone, then one `till.sale.recorded`. Nothing is charged
 * when a line cannot be sold. Under the shop's sale gate: the lots it sees are less what the
 * sales before it took.
 */
export async function recordSale(input: SaleInput, now = Date.now()): Promise<SaleOutcome> {
	return underSaleGate(input.claims, input.shop.id, (gate) => sellUnderGate(input, gate, now));
}

async function sellUnderGate(input: SaleInput, gate: SaleGate, now: number): Promise<SaleOutcome> {
	const [{ lots }, products] = await Promise.all([
		sellableLots(input.claims, input.shop.id),
		productsOfShop(input.claims, input.shop.id)
	]);
	const catalogue = new Map<string, CatalogueEntry>(
		products
			.filter((p) => !p.retired)
			.map((p) => [p.sku, { sku: p.sku, name: p.name, priceFen: p.priceFen }])
	);
	const resolved = resolveSale(input.requested, gate.lessHeld(lots), catalogue, localDay(now), {
		allowExpired: input.allowExpired ?? false
	});
	if (!resolved.ok) return { ok: false, kind: 'lines', problems: resolved.problems };

	let paymentRef = input.paymentRef;
	if (input.payment === 'mobile' && input.provider) {
		const charged = await input.provider.charge({
			orderId: input.orderId,
			amountFen: resolved.totalFen,
			description: `${resolved.lines.length} 项`
		});
		if (!charged.ok) return { ok: false, kind: 'payment', reason: charged.reason };
		paymentRef = charged.ref;
	}
	const sale: TillSale = {
		orderId: input.orderId,
		lines: resolved.lines,
		totalFen: resolved.totalFen,
		payment: input.payment,
		channel: input.channel,
		...(input.memberId ? { memberId: input.memberId } : {}),
		...(paymentRef ? { paymentRef } : {})
	};
	const event = makeEvent(
		{
			id: stableEventId(input.idempotencyKey),
			type: 'till.sale.recorded',
			merchantId: input.shop.id,
			districtId: input.shop.districtId,
			actor: input.actor,
			payload: sale,
			...(input.occurredAt ? { occurredAt: input.occurredAt } : {})
		},
		now
	) as FsEvent;
	const { nc } = await nats();
	await publishEvent(jetstream(nc), event);
	gate.hold({ eventId: event.id, occurredAt: event.occurredAt, lines: sale.lines });
	return { ok: true, event, sale };
}
