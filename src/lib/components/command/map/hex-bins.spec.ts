import { describe, expect, it } from 'vitest';
import { hexGrid, HexBins } from './hex-bins';

const origin: [number, number] = [117.0, 36.65];

describe('map hexagons', () => {
	it('map - a point falls in the hexagon whose centre is nearest, and centres map to themselves', () => {
		const grid = hexGrid(origin, 1_000);
		expect(grid.cellOf(...origin)).toBe(grid.cellOf(117.001, 36.6505));
		const far = grid.cellOf(117.05, 36.7);
		expect(far).not.toBe(grid.cellOf(...origin));
		const [lon, lat] = grid.centerOf(far);
		expect(grid.cellOf(lon, lat)).toBe(far);
		// The centre is within one radius (1 km) of the point.
		const dx = (lon - 117.05) * 111_320 * Math.cos((36.65 * Math.PI) / 180);
		const dy = (lat - 36.7) * 110_574;
		expect(Math.hypot(dx, dy)).toBeLessThanOrEqual(1_000);
	});

	it('map - neighbouring hexagons are a flat-topped grid: 1.5 radii apart east-west', () => {
		const grid = hexGrid(origin, 1_000);
		const a = grid.centerOf(grid.cellOf(117.0, 36.65));
		const b = grid.centerOf(
			grid.cellOf(117.0 + 1_500 / (111_320 * Math.cos((36.65 * Math.PI) / 180)), 36.65 + 0.0079)
		);
		const dx = (b[0] - a[0]) * 111_320 * Math.cos((36.65 * Math.PI) / 180);
		expect(Math.round(dx)).toBe(1_500);
	});

	it('map - bins sum the open alerts of their points and follow changes', () => {
		const positions = new Float32Array([117.0, 36.65, 117.0005, 36.6502, 117.2, 36.8]);
		const bins = new HexBins(hexGrid(origin, 1_000), positions, [2, 1, 0]);
		expect(bins.cells().map((c) => c.weight)).toEqual([3]);
		expect(bins.max).toBe(3);
		const first = bins.cells();
		expect(bins.cells()).toBe(first);
		bins.add(2, 4);
		expect(
			bins
				.cells()
				.map((c) => c.weight)
				.sort()
		).toEqual([3, 4]);
		bins.add(0, -2);
		bins.add(1, -1);
		expect(bins.cells().map((c) => c.weight)).toEqual([4]);
		expect(bins.max).toBe(4);
	});
});
