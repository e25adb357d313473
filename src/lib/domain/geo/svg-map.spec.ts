import { describe, expect, it } from 'vitest';
import {
	boundsOf,
	clipRing,
	mapView,
	placePoints,
	projector,
	ringPath,
	simplify,
	type GeoArea
} from './svg-map';

// Two squares side by side at Jinan's latitude: west (0.1° wide) and east (0.2° wide).
const square = (w: number, s: number, size: number): [number, number][] => [
	[w, s],
	[w + size, s],
	[w + size, s + size],
	[w, s + size],
	[w, s]
];
const west: GeoArea = { id: 'w', center: [117.05, 36.65], rings: [square(117, 36.6, 0.1)] };
const east: GeoArea = { id: 'e', center: [117.2, 36.7], rings: [square(117.1, 36.6, 0.2)] };

describe('svg map', () => {
	it('map - projection shrinks longitude by cos(latitude) and puts north at the top', () => {
		const b = boundsOf(west.rings);
		const { width, height, project } = projector(b, 1000);
		expect(width).toBe(1000);
		// 0.1° of latitude against 0.1°·cos(36.65°) of longitude: taller than wide.
		expect(height).toBe(Math.round(1000 / Math.cos((36.65 * Math.PI) / 180)));
		expect(project([117, 36.7])).toEqual([0, 0]);
		const [x, y] = project([117.1, 36.6]);
		expect(x).toBeCloseTo(1000);
		expect(y).toBeCloseTo(height, 0);
	});

	it('map - simplify keeps corners and drops points within the tolerance', () => {
		const line: [number, number][] = [
			[0, 0],
			[5, 0.4],
			[10, 0],
			[10, 10]
		];
		expect(simplify(line, 1)).toEqual([
			[0, 0],
			[10, 0],
			[10, 10]
		]);
		expect(simplify(line, 0.1)).toHaveLength(4);
	});

	it('map - clipping a ring to the view keeps only the inside part', () => {
		const ring: [number, number][] = [
			[-10, -10],
			[10, -10],
			[10, 10],
			[-10, 10]
		];
		const clipped = clipRing(ring, 0, 0, 100, 100);
		expect(boundsOf([clipped])).toEqual({ west: 0, south: 0, east: 10, north: 10 });
		expect(clipRing(ring, 50, 50, 100, 100)).toEqual([]);
	});

	it('map - a ring becomes whole-number relative path data without repeats', () => {
		expect(
			ringPath([
				[0.2, 0.4],
				[10.4, 0],
				[10.3, 0.2],
				[10, 10.6],
				[0, 0]
			])
		).toBe('M0 0l10 0l0 11z');
		expect(ringPath([[1, 1]])).toBe('');
	});

	it('map - the city view frames every area; a focus zooms to its own bounds', () => {
		const city = mapView([west, east], { pad: 0 });
		expect(city.areas.map((a) => a.id)).toEqual(['w', 'e']);
		expect(city.areas.every((a) => a.label !== null)).toBe(true);
		const zoomed = mapView([west, east], { focus: 'w', pad: 0 });
		// The west square fills the width now; the east one is cut to a sliver at the edge.
		expect(zoomed.height).toBeGreaterThan(city.height);
		expect(zoomed.areas.find((a) => a.id === 'e')?.label).toBeNull();
		expect(zoomed.project([117, 36.7])).toEqual([0, 0]);
		// A name whose centre is at the frame's edge would be cut: it is left out.
		const edge = mapView([{ ...west, center: [117.001, 36.65] }, east], { pad: 0 });
		expect(edge.areas[0]?.label).toBeNull();
		// An unknown focus is the whole city.
		expect(mapView([west, east], { focus: 'x', pad: 0 }).height).toBe(city.height);
	});

	it('map - points outside the view or without a place are left out', () => {
		const view = mapView([west, east], { focus: 'w', pad: 0 });
		const placed = placePoints(view, [
			{ id: 'in', lon: 117.05, lat: 36.65 },
			{ id: 'east', lon: 117.25, lat: 36.65 },
			{ id: 'nowhere', lon: 0, lat: 0 }
		]);
		expect(placed).toEqual([{ id: 'in', lon: 117.05, lat: 36.65, x: 500, y: expect.any(Number) }]);
		expect(placed[0]?.y).toBe(Math.round(view.height / 2));
	});
});
