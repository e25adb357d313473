import { describe, expect, it } from 'vitest';
import { sandboxProvider, SANDBOX_LIMIT_FEN } from './sandbox';

describe('sandbox payment provider', () => {
	it('payments - approves with a reference fixed by the order; declines over the limit', async () => {
		const a = await sandboxProvider.charge({ orderId: 'o1', amountFen: 1_200, description: 'x' });
		const again = await sandboxProvider.charge({
			orderId: 'o1',
			amountFen: 1_200,
			description: 'x'
		});
		expect(a).toMatchObject({ ok: true, ref: expect.stringMatching(/^sbx_[0-9a-f]{24}$/) });
		expect(again).toEqual(a);
		expect(
			await sandboxProvider.charge({
				orderId: 'o2',
				amountFen: SANDBOX_LIMIT_FEN + 1,
				description: 'x'
			})
		).toEqual({ ok: false, reason: 'limit_exceeded' });
		expect(await sandboxProvider.charge({ orderId: 'o3', amountFen: 0, description: 'x' })).toEqual(
			{
				ok: false,
				reason: 'bad_amount'
			}
		);
	});
});
