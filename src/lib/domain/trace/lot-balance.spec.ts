import { describe, expect, it } from 'vitest';
import { lotBalance, totalsOf, type LotSums } from './lot-balance';

const sums = (over: Partial<LotSums>): LotSums => ({
	received: 0,
	sold: 0,
	wasted: 0,
	returned: 0,
	pulled: 0,
	adjustments: 0,
	countedAt: null,
	counted: 0,
	soldAfterCount: 0,
	outAfterCount: 0,
	adjustedAfterCount: 0,
	...over
});

describe('lot balance', () => {
	it('lot balance - remaining is received less what went out, plus adjustments', () => {
		expect(lotBalance(sums({ received: 40, sold: 8.5, wasted: 3, adjustments: -0.5 }))).toEqual({
			received: 40,
			sold: 8.5,
			wasted: 3,
			returned: 0,
			pulled: 0,
			adjusted: -0.5,
			remaining: 28
		});
	});

	it('lot balance - a count resets the lot; its difference shows as an adjustment', () => {
		// 25 in, 10 sold, counted 12 (the book said 15), then 2 sold and 1 wasted.
		const b = lotBalance(
			sums({
				received: 25,
				sold: 12,
				wasted: 1,
				countedAt: '2026-03-04T00:00:00.000Z',
				counted: 12,
				soldAfterCount: 2,
				outAfterCount: 1
			})
		);
		expect([b.remaining, b.adjusted]).toEqual([9, -3]);
		expect(b.received - b.sold - b.wasted - b.returned - b.pulled + b.adjusted).toBe(b.remaining);
	});

	it('lot balance - decimals do not drift', () => {
		expect(lotBalance(sums({ received: 0.3, sold: 0.1 })).remaining).toBe(0.2);
	});

	it('lot balance - totals add every field', () => {
		const a = lotBalance(sums({ received: 10, sold: 4 }));
		const b = lotBalance(sums({ received: 5, returned: 5 }));
		expect(totalsOf([a, b])).toMatchObject({ received: 15, sold: 4, returned: 5, remaining: 6 });
	});
});
