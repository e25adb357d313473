import { describe, expect, it } from 'vitest';
import { localPoint, PickIndex } from './pick-index';

describe('map picking', () => {
	it('map - the nearest point within the radius is picked, none beyond it', () => {
		const xy = new Float32Array([10, 10, 15, 10, 200, 150, NaN, NaN, -5, 3]);
		const index = new PickIndex(xy, 400, 300);
		expect(index.nearest(11, 10, 6)).toBe(0);
		expect(index.nearest(14, 11, 6)).toBe(1);
		expect(index.nearest(205, 152, 8)).toBe(2);
		expect(index.nearest(100, 100, 8)).toBe(-1);
		// Points off the map are never picked.
		expect(index.nearest(0, 3, 13)).toBe(0);
	});

	it('map - a point across a cell border is found', () => {
		const index = new PickIndex(new Float32Array([16.5, 16.5]), 100, 100, 16);
		expect(index.nearest(15.5, 15.5, 3)).toBe(0);
	});

	it('map - pointer positions are unscaled: a canvas shown at 0.5 and offset', () => {
		const rect = { left: 100, top: 50, width: 480, height: 270 };
		expect(localPoint(340, 185, rect, 960, 540)).toEqual([480, 270]);
		expect(localPoint(100, 50, { ...rect, width: 960, height: 540 }, 960, 540)).toEqual([0, 0]);
	});
});
