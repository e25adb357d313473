import { createHash } from 'node:crypto';
import type { ChargeRequest, ChargeResult, PaymentProvider } from './provider';

/** Above this the sandbox declines, so a declined payment can be shown without a real provider. */
export const SANDBOX_LIMIT_FEN = 1_000_000;

/**
 * The sandbox provider: approves every charge up to ¥10,000 at once and declines larger ones.
 * Its reference is fixed by the order, as a real provider's idempotent charge would be, so a
 * retried payment names the same reference.
 */
export const sandboxProvider: PaymentProvider = {
	name: 'sandbox',
	async charge({ orderId, amountFen }: ChargeRequest): Promise<ChargeResult> {
		if (!Number.isInteger(amountFen) || amountFen <= 0) return { ok: false, reason: 'bad_amount' };
		if (amountFen > SANDBOX_LIMIT_FEN) return { ok: false, reason: 'limit_exceeded' };
		const digest = createHash('sha256').update(`sandbox:${orderId}`).digest('hex');
		return { ok: true, ref: `sbx_${digest.slice(0, 24)}` };
	}
};
