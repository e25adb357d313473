import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { entityId } from '../../domain/ids';
import type {
	ChargeRequest,
	ChargeResult,
	PaymentProvider,
	RefundRequest,
	RefundResult
} from './provider';

/**
 * The sandbox mobile-payment provider (模拟支付): no network, no money. It behaves as a real one
 * does where it matters to us:
 * - `charge` is the till's 付款码 payment (the shop scans the customer's code): approved at once,
 *   declined for an amount that is not positive or over the single-payment limit;
 * - a diner's own payment goes through the provider's page (/pay/sandbox/[orderId]): the shop
 *   signs a payment request (`request`), the page shows it, and the diner's 确认支付 / 取消 comes
 *   back as a signed confirmation (`confirm`) that the shop verifies (`verify`) before it trusts it.
 * A payment's ref is fixed by the order: a repeated charge or confirmation carries the same ref,
 * which is what lets the shop record one sale however often it is told.
 */

/** The single-payment limit (¥50,000), as mobile wallets have one. */
export const SANDBOX_LIMIT_FEN = 5_000_000;

/** What the shop asks the provider's page to collect; the signature covers every field. */
export const paymentRequest = z.object({
	orderId: entityId,
	merchantId: entityId,
	amountFen: z.number().int().positive().max(SANDBOX_LIMIT_FEN),
	sig: z.string().regex(/^[0-9a-f]{64}$/)
});
export type PaymentRequest = z.infer<typeof paymentRequest>;

/** What the provider tells the shop (its callback, 支付结果通知). */
export const paymentConfirmation = z.object({
	orderId: entityId,
	merchantId: entityId,
	amountFen: z.number().int().positive().max(SANDBOX_LIMIT_FEN),
	status: z.enum(['paid', 'cancelled']),
	ref: z.string().regex(/^SBX[0-9A-F]{20}$/),
	sig: z.string().regex(/^[0-9a-f]{64}$/)
});
export type PaymentConfirmation = z.infer<typeof paymentConfirmation>;

export interface SandboxProvider extends PaymentProvider {
	/** Signs a payment request for the provider's page. */
	request(r: Omit<PaymentRequest, 'sig'>): PaymentRequest;
	/** The provider's answer to the diner's tap, signed. Only for a request that verifies. */
	confirm(r: PaymentRequest, status: PaymentConfirmation['status']): PaymentConfirmation;
	/** True only for a request or confirmation this sandbox signed, unchanged. */
	verify(m: PaymentRequest | PaymentConfirmation): boolean;
}

export function sandboxProvider(secret: string): SandboxProvider {
	if (secret.length < 16) throw new Error('sandbox payments: the secret is too short');
	const mac = (text: string) => createHmac('sha256', secret).update(text).digest();
	const refOf = (orderId: string) =>
		`SBX${mac(`ref\n${orderId}`).subarray(0, 10).toString('hex').toUpperCase()}`;
	// Fields joined with a separator no field may hold (ids are [A-Za-z0-9_-]).
	const requestText = (r: Omit<PaymentRequest, 'sig'>) =>
		['request', r.orderId, r.merchantId, r.amountFen].join('\n');
	const confirmationText = (c: Omit<PaymentConfirmation, 'sig'>) =>
		['confirmation', c.orderId, c.merchantId, c.amountFen, c.status, c.ref].join('\n');
	const sameMac = (text: string, sig: string) => {
		const given = Buffer.from(sig, 'hex');
		const expected = mac(text);
		return given.length === expected.length && timingSafeEqual(given, expected);
	};
	const isConfirmation = (m: PaymentRequest | PaymentConfirmation): m is PaymentConfirmation =>
		'status' in m;

	return {
		async charge({ orderId, amountFen }: ChargeRequest): Promise<ChargeResult> {
			if (!entityId.safeParse(orderId).success) return { ok: false, reason: 'invalid_order' };
			if (!Number.isInteger(amountFen) || amountFen <= 0) {
				return { ok: false, reason: 'invalid_amount' };
			}
			if (amountFen > SANDBOX_LIMIT_FEN) return { ok: false, reason: 'over_limit' };
			return { ok: true, ref: refOf(orderId) };
		},
		async refund({ orderId, ref, amountFen }: RefundRequest): Promise<RefundResult> {
			// Only a payment of ours, of this order, can be given back.
			if (!entityId.safeParse(orderId).success || ref !== refOf(orderId)) {
				return { ok: false, reason: 'unknown_payment' };
			}
			if (!Number.isInteger(amountFen) || amountFen <= 0 || amountFen > SANDBOX_LIMIT_FEN) {
				return { ok: false, reason: 'invalid_amount' };
			}
			return {
				ok: true,
				refundRef: `SBR${mac(`refund\n${ref}`).subarray(0, 10).toString('hex').toUpperCase()}`
			};
		},
		request(r) {
			const body = { orderId: r.orderId, merchantId: r.merchantId, amountFen: r.amountFen };
			return paymentRequest.parse({ ...body, sig: mac(requestText(body)).toString('hex') });
		},
		confirm(r, status) {
			if (!this.verify(r)) throw new Error('sandbox payments: not a request of ours');
			const body = {
				orderId: r.orderId,
				merchantId: r.merchantId,
				amountFen: r.amountFen,
				status,
				ref: refOf(r.orderId)
			};
			return { ...body, sig: mac(confirmationText(body)).toString('hex') };
		},
		verify(m) {
			return isConfirmation(m)
				? m.ref === refOf(m.orderId) && sameMac(confirmationText(m), m.sig)
				: sameMac(requestText(m), m.sig);
		}
	};
}
