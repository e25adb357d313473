import { describe, expect, it } from 'vitest';
import { drawInspections, type DrawCandidate, type DrawInspector } from './random-draw';

const shops = (n: number, grade: DrawCandidate['grade'], prefix: string, districtId = '370102') =>
	Array.from({ length: n }, (_, i) => ({ merchantId: `${prefix}${i}`, districtId, grade }));
const inspectors: DrawInspector[] = ['i1', 'i2', 'i3', 'i4', 'i5'].map((username) => ({
	username,
	districtIds: ['370102']
}));

describe('random inspection draw (双随机)', () => {
	it('tasks - the same seed gives the same draw whatever the input order; another seed another', () => {
		const candidates = [...shops(30, 'A', 'a'), ...shops(10, 'D', 'd')];
		const one = drawInspections({ candidates, inspectors, count: 8, seed: 'plan-1:2026-12-01' });
		const again = drawInspections({
			candidates: [...candidates].reverse(),
			inspectors: [...inspectors].reverse(),
			count: 8,
			seed: 'plan-1:2026-12-01'
		});
		expect(again).toEqual(one);
		const other = drawInspections({ candidates, inspectors, count: 8, seed: 'plan-1:2026-12-02' });
		expect(other.picks.map((p) => p.merchantId)).not.toEqual(one.picks.map((p) => p.merchantId));
		expect(one.picks).toHaveLength(8);
		expect(new Set(one.picks.map((p) => p.merchantId)).size).toBe(8);
		expect(one.candidatesDigest).toMatch(/^[0-9a-f]{16}$/);
	});

	it('tasks - grades are drawn in proportion to their weights over many draws', () => {
		// One target from one A shop and one D shop: D should come up 8 times in 9.
		const candidates = [...shops(1, 'A', 'a'), ...shops(1, 'D', 'd')];
		let d = 0;
		const n = 3_000;
		for (let i = 0; i < n; i++) {
			const r = drawInspections({ candidates, inspectors, count: 1, seed: `s${i}` });
			if (r.picks[0]?.grade === 'D') d++;
		}
		expect(d / n).toBeGreaterThan(8 / 9 - 0.03);
		expect(d / n).toBeLessThan(8 / 9 + 0.03);
		// Without replacement, every A shop can still be drawn: a draw of all takes all.
		const all = drawInspections({ candidates, inspectors, count: 5, seed: 'x' });
		expect(all.picks).toHaveLength(2);
	});

	it('tasks - two different inspectors of the district per target, the work spread evenly', () => {
		const candidates = [...shops(12, 'B', 'b'), ...shops(2, 'C', 'c', '370103')];
		const r = drawInspections({ candidates, inspectors, count: 14, seed: 'even' });
		const load = new Map<string, number>();
		for (const p of r.picks) {
			expect(p.inspectors).toHaveLength(2);
			expect(new Set(p.inspectors).size).toBe(2);
			for (const i of p.inspectors) load.set(i, (load.get(i) ?? 0) + 1);
		}
		const counts = [...load.values()];
		expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
		// 市中 has no inspector in this pool: its shops are named, not dropped.
		expect(r.unstaffed.sort()).toEqual(['c0', 'c1']);
		expect(r.picks).toHaveLength(12);
	});

	it('tasks - bad requests are refused', () => {
		expect(() =>
			drawInspections({ candidates: [], inspectors, count: -1, seed: 's' })
		).toThrowError(/count/);
		expect(() =>
			drawInspections({
				candidates: [],
				inspectors,
				count: 1,
				seed: 's',
				weights: { A: 0, B: 1, C: 1, D: 1 }
			})
		).toThrowError(/weights/);
	});
});
