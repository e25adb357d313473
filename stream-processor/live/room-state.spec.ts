import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/lib/domain/alert';
import { MAX_GRADE_BACKLOG, MAX_GRADE_CHANGES } from '../../src/lib/domain/live';
import { RoomState } from './room-state';

const item = (id: string) => ({
	id,
	type: 'till.sale.recorded',
	merchantId: 'm',
	districtId: '370102',
	occurredAt: '',
	recordedAt: ''
});
const T = Date.parse('2026-11-28T04:00:30Z');
const flowing = { stalled: false, lastEventAt: T };

describe('RoomState', () => {
	it('live - deltas carry absolute totals and consecutive sequence numbers', () => {
		const r = new RoomState('city', '2026-11-28', 20);
		r.countEvent('till', T, item('a'), true);
		r.countEvent('till', T, item('b'), true);
		const d1 = r.takeDelta(T, flowing);
		expect(d1).toMatchObject({
			seq: 1,
			totals: { events: 2, byFamily: { till: 2 } },
			feedTotal: 2
		});
		expect(d1?.minute).toEqual([T - 30_000, 2]);
		expect(r.takeDelta(T, flowing)).toBeNull();
		r.countEvent('ledger', T, item('c'), true);
		expect(r.takeDelta(T, flowing)).toMatchObject({
			seq: 2,
			totals: { events: 3, byFamily: { till: 2, ledger: 1 } }
		});
		expect(r.takeDelta(T, flowing, true)).toMatchObject({ seq: 3, feed: [], feedTotal: 0 });
		const stalled = { stalled: true, lastEventAt: T - 60_000 };
		expect(r.takeDelta(T, stalled, true)?.flow).toEqual(stalled);
	});

	it('live - the feed is a bounded sample while the count stays exact', () => {
		const r = new RoomState('city', '2026-11-28', 5);
		for (let i = 0; i < 1_000; i++) r.countEvent('till', T, item(String(i)), true);
		const d = r.takeDelta(T, flowing);
		expect(d?.feed).toHaveLength(5);
		expect(d?.feedTotal).toBe(1_000);
		expect(new Set(d?.feed.map((f) => f.id)).size).toBe(5);
	});

	it('live - a new local day starts the counters from zero; a snapshot holds what was sent', () => {
		const r = new RoomState('city', '2026-11-28', 20);
		r.countEvent('till', T, item('a'), true);
		r.addAlert({ id: 'x', severity: 'critical' } as Alert);
		r.takeDelta(T, flowing);
		r.rollDay('2026-11-29');
		const s = r.snapshot(T, flowing);
		expect(s).toMatchObject({
			seq: 1,
			totals: { day: '2026-11-29', events: 0, openAlerts: { critical: 1 } }
		});
		expect(s.alerts.map((a) => a.id)).toEqual(['x']);
		expect(s.feed.map((f) => f.id)).toEqual(['a']);
	});

	it('live - events of another day move the minute series, not today’s totals', () => {
		const r = new RoomState('city', '2026-11-28', 20);
		r.countEvent('till', T, item('late'), false);
		expect(r.takeDelta(T, flowing)?.totals.events).toBe(0);
	});

	it('live - minutes far in the future (a till clock ahead) do not pile up in the series', () => {
		const r = new RoomState('city', '2026-11-28', 20);
		for (let i = 0; i < 200; i++) r.countEvent('till', T + i * 60_000, item(String(i)), true);
		expect(r.snapshot(T, flowing).perMinute.length).toBeLessThanOrEqual(2);
	});

	it('live - grade changes past a delta cap wait for the next deltas instead of forcing a reload', () => {
		const r = new RoomState('city', '2026-11-28', 20);
		const n = MAX_GRADE_CHANGES + 10;
		for (let i = 0; i < n; i++) {
			r.addGradeChange({ merchantId: `m${i}`, from: 'A', to: 'B', score: 35 });
		}
		// The first merchant changes again before it went out: one change, A to C.
		r.addGradeChange({ merchantId: 'm0', from: 'B', to: 'C', score: 50 });
		const d1 = r.takeDelta(T, flowing)!;
		expect(d1.gradeChanges).toHaveLength(MAX_GRADE_CHANGES);
		expect(d1.gradeChangesTotal).toBe(MAX_GRADE_CHANGES);
		expect(d1.gradeChanges[0]?.merchantId).toBe('m1');
		const d2 = r.takeDelta(T, flowing)!;
		expect(d2.gradeChanges).toHaveLength(10);
		expect(d2.gradeChangesTotal).toBe(10);
		expect(d2.gradeChanges.at(-1)).toEqual({ merchantId: 'm0', from: 'A', to: 'C', score: 50 });
		expect(r.takeDelta(T, flowing)).toBeNull();
	});

	it('live - a backlog beyond what a room holds is dropped and said so: screens reload', () => {
		const r = new RoomState('city', '2026-11-28', 20);
		for (let i = 0; i <= MAX_GRADE_BACKLOG; i++) {
			r.addGradeChange({ merchantId: `m${i}`, from: 'A', to: 'D', score: 80 });
		}
		r.addGradeChange({ merchantId: 'late', from: 'A', to: 'B', score: 35 });
		const d = r.takeDelta(T, flowing)!;
		expect(d.gradeChanges.map((c) => c.merchantId)).toEqual(['late']);
		expect(d.gradeChangesTotal).toBeGreaterThan(d.gradeChanges.length);
	});
});
