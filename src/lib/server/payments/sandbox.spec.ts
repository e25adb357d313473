import { describe, expect, it } from 'vitest';
import { sandboxProvider, SANDBOX_LIMIT_FEN } from './sandbox';

const secret = 'a sandbox secret of some length';
const sandbox = sandboxProvider(secret);
const order = {
	orderId: '0193a1b2-aaaa-7bbb-8ccc-000000000001',
	merchantId: 'm-a',
	amountFen: 3600
};

describe('sandbox payments', () => {
	it('sandbox - charge approves with a ref fixed by the order, declines bad amounts', async () => {
		const a = await sandbox.charge({ orderId: 'o-1', amountFen: 1290, description: '甲店' });
		const b = await sandbox.charge({ orderId: 'o-1', amountFen: 1290, description: '甲店' });
		const c = await sandbox.charge({ orderId: 'o-2', amountFen: 1290, description: '甲店' });
		expect(a.ok && b.ok && c.ok).toBe(true);
		if (!a.ok || !b.ok || !c.ok) return;
		expect(a.ref).toMatch(/^SBX[0-9A-F]{20}$/);
		expect(b.ref).toBe(a.ref);
		expect(c.ref).not.toBe(a.ref);
		expect(await sandbox.charge({ orderId: 'o-3', amountFen: 0, description: '' })).toEqual({
			ok: false,
			reason: 'invalid_amount'
		});
		expect(
			await sandbox.charge({ orderId: 'o-3', amountFen: SANDBOX_LIMIT_FEN + 1, description: '' })
		).toEqual({ ok: false, reason: 'over_limit' });
	});

	it('sandbox - a signed request and confirmation verify; any change or another secret does not', () => {
		const req = sandbox.request(order);
		expect(sandbox.verify(req)).toBe(true);
		expect(sandbox.verify({ ...req, amountFen: 1 })).toBe(false);
		expect(sandboxProvider(`${secret}!`).verify(req)).toBe(false);
		const paid = sandbox.confirm(req, 'paid');
		expect(sandbox.verify(paid)).toBe(true);
		expect(sandbox.verify({ ...paid, status: 'cancelled' })).toBe(false);
		expect(sandbox.verify({ ...paid, amountFen: 3599 })).toBe(false);
		expect(sandbox.verify({ ...paid, sig: '0'.repeat(64) })).toBe(false);
		expect(sandbox.confirm(req, 'paid')).toEqual(paid);
		expect(() => sandbox.confirm({ ...req, amountFen: 1 }, 'paid')).toThrow();
	});

	it('sandbox - refunds only its own payment of the order, once (the same ref each time)', async () => {
		const paid = await sandbox.charge({ orderId: 'o-1', amountFen: 1290, description: '甲店' });
		if (!paid.ok) throw new Error('charge declined');
		const r = { orderId: 'o-1', ref: paid.ref, amountFen: 1290, reason: '售罄' };
		const a = await sandbox.refund(r);
		expect(a).toEqual({ ok: true, refundRef: expect.stringMatching(/^SBR[0-9A-F]{20}$/) });
		expect(await sandbox.refund(r)).toEqual(a);
		expect(await sandbox.refund({ ...r, orderId: 'o-2' })).toEqual({
			ok: false,
			reason: 'unknown_payment'
		});
		expect(await sandbox.refund({ ...r, amountFen: 0 })).toEqual({
			ok: false,
			reason: 'invalid_amount'
		});
	});
});
