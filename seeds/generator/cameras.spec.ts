import { describe, expect, it } from 'vitest';
import { fsEvent } from '../../src/lib/domain/index';
import { cameraSeedEvents } from '../simulator/cameras';
import { demoCameras, DEMO_CAMERA_KITCHENS } from './cameras';
import { generateDistrict } from './district';

const district = generateDistrict({ seed: 20261128, today: '2026-11-28' });
const now = Date.parse('2026-11-28T01:00:00Z');

describe('demo cameras', () => {
	it('seed cameras - 1–3 test-pattern cameras in a few dozen kitchens, the demo shops included', () => {
		const cameras = demoCameras(district);
		const shops = new Map<string, number>();
		for (const c of cameras) shops.set(c.merchant.id, (shops.get(c.merchant.id) ?? 0) + 1);
		expect(shops.size).toBe(DEMO_CAMERA_KITCHENS + 2);
		expect(Math.max(...shops.values())).toBeLessThanOrEqual(3);
		const lixia = district.merchants.filter((m) => m.districtId === '370102').slice(0, 2);
		for (const m of lixia) expect(shops.get(m.id)).toBe(3);
		expect(new Set(cameras.map((c) => c.merchant.districtId)).size).toBeGreaterThan(3);
		expect(new Set(cameras.map((c) => c.area))).toEqual(
			new Set(['cooking', 'cold_dishes', 'washing', 'storage'])
		);
		// Some public, not all; only a few record (an ffmpeg each on the demo machine).
		const pub = cameras.filter((c) => c.publicView).length;
		expect(pub).toBeGreaterThan(5);
		expect(pub).toBeLessThan(cameras.length);
		expect(cameras.filter((c) => c.recording).length).toBeLessThanOrEqual(18);
		// No two cameras of a shop look at the same area.
		for (const id of shops.keys()) {
			const areas = cameras.filter((c) => c.merchant.id === id).map((c) => c.area);
			expect(new Set(areas).size).toBe(areas.length);
		}
	});

	it('seed cameras - the events parse and are the same when made again', () => {
		const events = cameraSeedEvents(district, now);
		for (const e of events) expect(fsEvent.safeParse(e).success).toBe(true);
		expect(cameraSeedEvents(district, now).map((e) => e.id)).toEqual(events.map((e) => e.id));
		expect(events.every((e) => e.type === 'camera.registered')).toBe(true);
	});
});
