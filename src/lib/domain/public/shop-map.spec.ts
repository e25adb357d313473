import { describe, expect, it } from 'vitest';
import { mapView } from '../geo/svg-map';
import { shopMap } from './shop-map';

const area = {
	id: 'd',
	center: [117.05, 36.65] as [number, number],
	rings: [
		[
			[117, 36.6],
			[117.1, 36.6],
			[117.1, 36.7],
			[117, 36.7]
		] as [number, number][]
	]
};
const point = (id: string, riskGrade: 'A' | 'B' | 'C' | 'D' | null, lon = 117.05) => ({
	id,
	name: id,
	lon,
	lat: 36.65,
	riskGrade,
	latestInspection: null
});

describe('shop map', () => {
	it('public map - dots are drawn worst on top, ungraded at the bottom; out of view left out', () => {
		const view = mapView([area]);
		const map = shopMap(view, {
			points: [point('d1', 'D'), point('a1', 'A'), point('n1', null), point('far', 'C', 118)],
			total: 4,
			limit: 300
		});
		expect(map.dots.map((d) => [d.id, d.grade])).toEqual([
			['n1', 'none'],
			['a1', 'A'],
			['d1', 'D']
		]);
		expect(map.capped).toBe(false);
	});

	it('public map - says it is capped when more shops matched than the answer holds', () => {
		const map = shopMap(mapView([area]), { points: [point('a', 'A')], total: 1200, limit: 1 });
		expect(map).toMatchObject({ total: 1200, capped: true });
	});
});
