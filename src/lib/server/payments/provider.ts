/**
 * A mobile-payment provider behind one small interface, so a real one (WeChat Pay, Alipay) can
 * replace the sandbox without the till or the table order changing. Shared by the merchant's till
 * and the diner's table order.
 */
export interface ChargeRequest {
	/** The shop's order id: a provider charges an order once (a repeat answers the same ref). */
	orderId: string;
	amountFen: number;
	/** What the customer's statement shows (the shop and the order). */
	description: string;
}

export type ChargeResult = { ok: true; ref: string } | { ok: false; reason: string };

export interface RefundRequest {
	orderId: string;
	/** The payment being refunded (its provider reference). */
	ref: string;
	amountFen: number;
	/** Why, as the customer's statement shows it. */
	reason: string;
}

/** A refund's ref is fixed by the payment: asking twice refunds once. */
export type RefundResult = { ok: true; refundRef: string } | { ok: false; reason: string };

export interface PaymentProvider {
	charge(request: ChargeRequest): Promise<ChargeResult>;
	/** Gives a payment back in full (退款), e.g. when a paid order cannot be served. */
	refund(request: RefundRequest): Promise<RefundResult>;
}
