import { describe, expect, it } from 'vitest';
import { allocateFifo, sellable, type SellableLot } from './fifo';

const lot = (
	lotId: string,
	expiresOn: string,
	remaining: number,
	recalled = false
): SellableLot => ({
	lotId,
	expiresOn,
	remaining,
	recalled
});
const today = '2026-11-20';

describe('fifo', () => {
	it('fifo - takes the soonest expiring lot first, across lots', () => {
		const lots = [
			lot('late', '2026-12-01', 5),
			lot('soon', '2026-11-21', 2),
			lot('mid', '2026-11-25', 3)
		];
		expect(allocateFifo(lots, 4, today)).toEqual({
			ok: true,
			takes: [
				{ lotId: 'soon', expiresOn: '2026-11-21', quantity: 2 },
				{ lotId: 'mid', expiresOn: '2026-11-25', quantity: 2 }
			]
		});
	});

	it('fifo - skips expired and recalled lots; today’s expiry still sells', () => {
		const lots = [
			lot('gone', '2026-11-19', 9),
			lot('recalled', '2026-11-20', 9, true),
			lot('today', '2026-11-20', 1),
			lot('next', '2026-11-22', 1)
		];
		expect(allocateFifo(lots, 2, today)).toEqual({
			ok: true,
			takes: [
				{ lotId: 'today', expiresOn: '2026-11-20', quantity: 1 },
				{ lotId: 'next', expiresOn: '2026-11-22', quantity: 1 }
			]
		});
		expect(sellable(lots, today)).toBe(2);
	});

	it('fifo - refuses: out of stock, or blocked when only recalled/expired lots would cover it', () => {
		expect(allocateFifo([lot('a', '2026-12-01', 1)], 2, today)).toEqual({
			ok: false,
			reason: 'out_of_stock',
			available: 1
		});
		expect(
			allocateFifo([lot('r', '2026-12-01', 5, true), lot('x', '2026-11-01', 5)], 1, today)
		).toEqual({
			ok: false,
			reason: 'blocked',
			available: 0
		});
		expect(allocateFifo([], 1, today)).toMatchObject({ ok: false, reason: 'out_of_stock' });
	});
});
