/**
 * A mobile-payment provider (移动支付) behind the smallest interface a till needs: charge an
 * order once. The sandbox stands in for a real provider (WeChat Pay, Alipay…) until one is
 * contracted; a real one implements the same call. Shared by the shop's till and the diner's
 * table order.
 */
export interface ChargeRequest {
	/** The order being paid: a provider must treat a second charge of it as the same payment. */
	orderId: string;
	amountFen: number;
	description: string;
}

export type ChargeResult = { ok: true; ref: string } | { ok: false; reason: string };

export interface PaymentProvider {
	readonly name: string;
	charge(request: ChargeRequest): Promise<ChargeResult>;
}
