import { describe, expect, it } from 'vitest';
import { lotBalances, sellable } from './lot-balance';

describe('lot balance', () => {
	it('lot balance - sales, waste and adjustments move a lot; a count sets it; recalls are flagged', () => {
		const lots = lotBalances(
			[
				{ lotId: 'a', sku: 'egg', received: 10, expiresOn: '2026-12-01' },
				{ lotId: 'b', sku: 'egg', received: 5, expiresOn: '2026-12-02' }
			],
			[
				{ lotId: 'a', kind: 'sale', quantity: 3 },
				{ lotId: 'a', kind: 'waste', quantity: 1 },
				{ lotId: 'a', kind: 'adjustment', quantity: -1 },
				{ lotId: 'b', kind: 'count', quantity: 4 },
				{ lotId: 'b', kind: 'sale', quantity: 9 },
				{ lotId: 'zz', kind: 'sale', quantity: 1 }
			],
			new Set(['b'])
		);
		expect(lots).toEqual([
			{ lotId: 'a', sku: 'egg', expiresOn: '2026-12-01', remaining: 5, recalled: false },
			{ lotId: 'b', sku: 'egg', expiresOn: '2026-12-02', remaining: 0, recalled: true }
		]);
	});

	it('lot balance - the menu offers what may be sold: not recalled, not expired, expiring today still', () => {
		const today = '2026-11-29';
		const lots = [
			{ lotId: 'a', expiresOn: '2026-11-28', remaining: 5, recalled: false },
			{ lotId: 'b', expiresOn: '2026-11-29', remaining: 2, recalled: false },
			{ lotId: 'c', expiresOn: '2026-12-09', remaining: 3, recalled: true },
			{ lotId: 'd', expiresOn: '2026-12-09', remaining: 4, recalled: false }
		];
		expect(sellable(lots, today)).toBe(6);
	});
});
