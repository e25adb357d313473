import { describe, expect, it } from 'vitest';
import { distanceKm, orderForInspector } from './order';

const task = (
	id: string,
	grade: 'A' | 'B' | 'C' | 'D',
	dueAt: string,
	lon: number,
	lat: number
) => ({
	id,
	grade,
	dueAt,
	lon,
	lat
});
// Around 泉城广场, Jinan: 0.01° of longitude ≈ 0.9 km there.
const here = { lon: 117.02, lat: 36.66 };
const tasks = [
	task('far-d', 'D', '2026-12-01T00:00:00Z', 117.1, 36.66),
	task('near-d', 'D', '2026-12-05T00:00:00Z', 117.021, 36.66),
	task('near-a', 'A', '2026-11-29T00:00:00Z', 117.02, 36.66),
	task('c', 'C', '2026-12-02T00:00:00Z', 117.05, 36.66)
];

describe('inspector task order', () => {
	it('tasks - grade first, then distance when the position is known', () => {
		const ordered = orderForInspector(tasks, here);
		expect(ordered.map((t) => t.id)).toEqual(['near-d', 'far-d', 'c', 'near-a']);
		expect(ordered[0]?.distanceKm).toBeCloseTo(0.089, 2);
	});

	it('tasks - without a position: grade, then the soonest due', () => {
		const ordered = orderForInspector(tasks, null);
		expect(ordered.map((t) => t.id)).toEqual(['far-d', 'near-d', 'c', 'near-a']);
		expect(ordered.every((t) => t.distanceKm === null)).toBe(true);
	});

	it('tasks - distance is the great circle (Jinan to Beijing ≈ 365 km)', () => {
		expect(distanceKm({ lon: 117.0, lat: 36.65 }, { lon: 116.4, lat: 39.9 })).toBeCloseTo(365, -1);
	});
});
