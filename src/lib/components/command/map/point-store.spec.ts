import { describe, expect, it } from 'vitest';
import {
	gradeCode,
	gradeColor,
	gradeOfCode,
	paintPoint,
	radiusByCode,
	ungradedColor
} from './grade-colors';
import { PendingGrades, PointStore, type PointRow } from './point-store';

const row = (id: string, grade: PointRow[5], alerts = 0): PointRow => [
	id,
	117 + Number(id.slice(1)) / 100,
	36.6,
	'370102',
	'restaurant',
	grade,
	alerts,
	`店${id}`
];
const rgbAt = (s: PointStore, i: number) => [...s.colors.subarray(i * 4, i * 4 + 3)];

describe('map points', () => {
	it('map - a point is coloured by its grade; not graded is grey', () => {
		const s = new PointStore([row('m1', 'A'), row('m2', 'D'), row('m3', null)]);
		expect(rgbAt(s, 0)).toEqual(gradeColor.A);
		expect(rgbAt(s, 1)).toEqual(gradeColor.D);
		expect(rgbAt(s, 2)).toEqual(ungradedColor);
		// D stands out of the A carpet: bigger and opaque.
		expect(s.radii[1]).toBeGreaterThan(s.radii[0]!);
		expect(s.colors[1 * 4 + 3]).toBeGreaterThan(s.colors[0 * 4 + 3]!);
		expect(s.gradeCounts).toEqual([1, 1, 0, 0, 1]);
		expect([...s.positions.subarray(0, 2)].map((v) => Math.round(v * 100) / 100)).toEqual([
			117.01, 36.6
		]);
	});

	it('map - grade codes round-trip and paint writes a point in place', () => {
		expect(gradeCode(null)).toBe(0);
		expect(gradeCode('C')).toBe(3);
		expect(gradeOfCode(3)).toBe('C');
		expect(gradeOfCode(0)).toBeNull();
		const colors = new Uint8Array(8);
		const radii = new Float32Array(2);
		paintPoint(colors, radii, 1, 2);
		expect([...colors.subarray(0, 7)]).toEqual([0, 0, 0, 0, ...gradeColor.B]);
		expect(radii[1]).toBeCloseTo(radiusByCode[2]!);
	});

	it('map - a grade change recolours only its point, and counts move with it', () => {
		const s = new PointStore([row('m1', 'A'), row('m2', 'B')]);
		const before = s.colors;
		expect(s.setGrade('m2', 'D')).toBe(true);
		expect(s.colors).toBe(before);
		expect(rgbAt(s, 0)).toEqual(gradeColor.A);
		expect(rgbAt(s, 1)).toEqual(gradeColor.D);
		expect(s.gradeCounts).toEqual([0, 1, 0, 0, 1]);
		expect(s.setGrade('m2', 'D')).toBe(false);
		expect(s.setGrade('nobody', 'A')).toBe(false);
	});

	it('map - pending changes keep the newest grade per merchant and bump the version once', () => {
		const s = new PointStore([row('m1', 'A'), row('m2', 'B')]);
		const pending = new PendingGrades();
		pending.add([
			{ merchantId: 'm1', from: 'A', to: 'C', score: 50 },
			{ merchantId: 'm1', from: 'C', to: 'D', score: 70 },
			{ merchantId: 'm2', from: 'B', to: 'B', score: 40 },
			{ merchantId: 'gone', from: null, to: 'A', score: 1 }
		]);
		expect(pending.size).toBe(3);
		expect(pending.flushInto(s)).toBe(1);
		expect(s.version).toBe(1);
		expect(gradeOfCode(s.grades[0]!)).toBe('D');
		expect(pending.size).toBe(0);
		expect(pending.flushInto(s)).toBe(0);
		expect(s.version).toBe(1);
	});

	it('map - open alerts add and never go below zero', () => {
		const s = new PointStore([row('m1', 'A', 2)]);
		expect(s.addAlerts('m1', 1)).toBe(0);
		expect(s.alerts[0]).toBe(3);
		s.addAlerts('m1', -5);
		expect(s.alerts[0]).toBe(0);
		expect(s.addAlerts('nobody', 1)).toBe(-1);
	});
});
