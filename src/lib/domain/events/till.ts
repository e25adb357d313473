import { z } from 'zod';
import { entityId } from '../ids';
import { fen, isoDate, shortText } from './common';

export const saleLine = z.object({
	sku: entityId,
	productName: shortText(100),
	/** The stock lot the unit came from: the link that makes recall and trace possible. */
	lotId: entityId,
	/** The lot's expiry as the till knows it; the processor also checks its own lot state. */
	expiresOn: isoDate.optional(),
	quantity: z.number().positive().max(100_000),
	unitPriceFen: fen
});

export const paymentMethod = z.enum(['cash', 'mobile', 'card', 'member']);

export const tillSaleRecorded = z.object({
	orderId: entityId,
	lines: z.array(saleLine).min(1).max(200),
	totalFen: fen,
	payment: paymentMethod,
	/** A member customer's number (会员号, pseudonymous): lets a trace reach who bought a lot. */
	memberId: entityId.optional(),
	/** Where the sale came from: the shop's till page, a diner's table order, or a POS system. */
	channel: z.enum(['till', 'table_qr', 'pos_api']).optional(),
	/** The payment provider's reference (the sandbox's, or a real provider's). */
	paymentRef: shortText(100).optional()
});

/**
 * 扫码点餐: a diner's order from the table, not yet paid. Lines name products, not lots: the
 * shop's till resolves lots (first expiring first out) when it is paid and becomes a sale.
 */
export const tillOrderPlaced = z.object({
	orderId: entityId,
	table: shortText(20).optional(),
	lines: z
		.array(
			z.object({
				sku: entityId,
				productName: shortText(100),
				quantity: z.number().int().positive().max(100),
				unitPriceFen: fen
			})
		)
		.min(1)
		.max(50),
	totalFen: fen,
	channel: z.enum(['table_qr', 'till'])
});
export type TillSale = z.infer<typeof tillSaleRecorded>;

/**
 * A diner's paid table order the shop could not serve (what it needed was sold out, recalled or
 * expired by the time the provider's payment notice came): the payment is refunded through the
 * provider, never kept for nothing. One per order (its id is fixed by the order).
 */
export const tillOrderRefunded = z.object({
	orderId: entityId,
	amountFen: fen,
	/** The provider's payment and its refund. */
	paymentRef: shortText(100),
	refundRef: shortText(100),
	reason: z.enum(['out_of_stock', 'blocked']),
	/** The dish that could not be served. */
	productName: shortText(100).optional()
});
export type TillOrderRefunded = z.infer<typeof tillOrderRefunded>;
