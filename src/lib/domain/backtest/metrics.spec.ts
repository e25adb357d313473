import { describe, expect, it } from 'vitest';
import {
	auc,
	daysEarlier,
	evaluate,
	mean,
	median,
	precisionAt,
	reorder,
	shareFirstHalf
} from './metrics';
import type { Scored } from './replay';

// Six inspections on days 100 … 103 (a four-day window), scores hand-picked:
//   a: day 100, 0.2, clean      b: day 100, 0.5, critical   c: day 101, 0.9, clean
//   d: day 102, 0.7, critical   e: day 103, 0.5, clean      f: day 103, 0.8, critical
// Score order (ties b/e by real day, so b first): c f d b e a.
// Slots, the real days sorted: 100 100 101 102 103 103, handed out in that order:
//   c→100 f→100 d→101 b→102 e→103 a→103.
// Days earlier (critical only): f 103−100 = 3, d 102−101 = 1, b 100−102 = −2.
//   mean 2/3, median 1.
// First half of 100…103 is days 100 and 101: f (100) and d (101) are in it, b (102) not → 2/3.
// AUC: each critical against each clean (a .2, c .9, e .5):
//   b .5: beats a, loses c, ties e → 1.5;  d .7: 2;  f .8: 2  → 5.5 / 9 = 11/18.
// precision@10%: k = ceil(0.6) = 1, the top one is c (clean) → 0; at 50 %: c f d → 2/3.
const item = (id: string, day: number, score: number, critical: boolean): Scored => ({
	businessId: id,
	day,
	critical,
	scores: { s: score }
});
const items = [
	item('a', 100, 0.2, false),
	item('b', 100, 0.5, true),
	item('c', 101, 0.9, false),
	item('d', 102, 0.7, true),
	item('e', 103, 0.5, false),
	item('f', 103, 0.8, true)
];

describe('backtest metrics', () => {
	it('backtest - reorder hands the real days out in score order, ties in real order', () => {
		expect(reorder(items, 's').map((r) => `${r.item.businessId}${r.day}`)).toEqual([
			'c100',
			'f100',
			'd101',
			'b102',
			'e103',
			'a103'
		]);
	});

	it('backtest - days earlier, mean and median as hand-computed', () => {
		expect(daysEarlier(items, 's')).toEqual([3, 1, -2]);
		expect(mean([3, 1, -2])).toBeCloseTo(2 / 3, 12);
		expect(median([3, 1, -2])).toBe(1);
		expect(median([4, 1, -2, 3])).toBe(2);
		expect(mean([])).toBeNull();
	});

	it('backtest - share in the first half, AUC with ties, precision', () => {
		expect(shareFirstHalf(items, 's', 100, 103)).toBeCloseTo(2 / 3, 12);
		expect(auc(items, 's')).toBeCloseTo(11 / 18, 12);
		expect(precisionAt(items, 's', 0.1)).toBe(0);
		expect(precisionAt(items, 's', 0.5)).toBeCloseTo(2 / 3, 12);
	});

	it('backtest - evaluate gathers the five figures; undefined ones are null', () => {
		const m = evaluate(items, 's', 100, 103);
		expect(m.meanDaysEarlier).toBeCloseTo(2 / 3, 12);
		expect(m.medianDaysEarlier).toBe(1);
		expect(m.shareFirstHalf).toBeCloseTo(2 / 3, 12);
		expect(m.auc).toBeCloseTo(11 / 18, 12);
		expect(m.precisionAt10pct).toBe(0);
		const clean = items.map((x) => ({ ...x, critical: false }));
		expect(evaluate(clean, 's', 100, 103)).toEqual({
			meanDaysEarlier: null,
			medianDaysEarlier: null,
			shareFirstHalf: null,
			auc: null,
			precisionAt10pct: 0
		});
	});
});
