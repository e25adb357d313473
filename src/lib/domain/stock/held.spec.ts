import { describe, expect, it } from 'vitest';
import { earliestHeld, lessHeld, stillHeld, type HeldSale } from './held';

const lots = [
	{ lotId: 'a', sku: 'rice', remaining: 3 },
	{ lotId: 'b', sku: 'rice', remaining: 0.3 },
	{ lotId: 'c', sku: 'oil', remaining: 5 }
];
const sale = (eventId: string, lines: HeldSale['lines'], heldAt = 0): HeldSale => ({
	eventId,
	occurredAt: `2026-11-29T08:00:0${eventId.length}.000Z`,
	heldAt,
	lines
});

describe('held sales', () => {
	it('held - what published sales took is off the lots until the store has them', () => {
		const held = [
			sale('s1', [{ lotId: 'a', quantity: 1 }]),
			sale('s22', [
				{ lotId: 'a', quantity: 2 },
				{ lotId: 'b', quantity: 0.1 }
			])
		];
		expect(lessHeld(lots, held)).toEqual([
			{ lotId: 'a', sku: 'rice', remaining: 0 },
			{ lotId: 'b', sku: 'rice', remaining: 0.2 },
			{ lotId: 'c', sku: 'oil', remaining: 5 }
		]);
		expect(lessHeld(lots, [])).toEqual(lots);
	});

	it('held - never below zero (the store may already count part of it)', () => {
		expect(lessHeld(lots, [sale('s1', [{ lotId: 'b', quantity: 1 }])])[1]?.remaining).toBe(0);
	});

	it('held - a sale leaves the holds once stored, or past the age bound', () => {
		const held = [sale('s1', [], 1_000), sale('s22', [], 9_000), sale('s333', [], 9_500)];
		const kept = stillHeld(held, new Set(['s22']), 10_000, 5_000);
		expect(kept.map((s) => s.eventId)).toEqual(['s333']);
		expect(earliestHeld(held)).toBe('2026-11-29T08:00:02.000Z');
		expect(earliestHeld([])).toBeNull();
	});
});
