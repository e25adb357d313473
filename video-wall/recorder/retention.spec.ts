import { describe, expect, it } from 'vitest';
import { planRetention, type StoredSegment } from './retention';

const DAY = 86_400_000;
const now = Date.parse('2026-11-29T12:00:00+08:00');
const seg = (cameraId: string, ageMs: number, bytes = 100): StoredSegment => ({
	cameraId,
	path: `${cameraId}/${now - ageMs - 60_000}-${now - ageMs}.mp4`,
	startMs: now - ageMs - 60_000,
	endMs: now - ageMs,
	bytes
});

describe('retention', () => {
	it('retention - deletes what is older than the camera keeps, nothing newer', () => {
		const old = seg('cam-a', 3 * DAY + 1);
		const young = seg('cam-a', 3 * DAY - 60_000);
		const otherCamera = seg('cam-b', 3 * DAY + 1);
		const plan = planRetention([old, young, otherCamera], {
			nowMs: now,
			retentionDays: (id) => (id === 'cam-a' ? 3 : 7),
			quotaBytes: 0,
			writingBytes: 0
		});
		expect(plan).toEqual([{ path: old.path, cameraId: 'cam-a', reason: 'age', bytes: 100 }]);
	});

	it('retention - a camera no longer known keeps the default seven days', () => {
		const six = seg('gone', 6 * DAY);
		const eight = seg('gone', 8 * DAY);
		const plan = planRetention([six, eight], {
			nowMs: now,
			retentionDays: () => undefined,
			quotaBytes: 0,
			writingBytes: 0
		});
		expect(plan.map((d) => d.path)).toEqual([eight.path]);
	});

	it('retention - over the quota, the oldest go first across cameras until it fits', () => {
		const a1 = seg('cam-a', 5 * 60_000);
		const b1 = seg('cam-b', 4 * 60_000);
		const a2 = seg('cam-a', 3 * 60_000);
		const b2 = seg('cam-b', 2 * 60_000);
		const plan = planRetention([b2, a2, b1, a1], {
			nowMs: now,
			retentionDays: () => 7,
			quotaBytes: 300,
			// The segment being written counts, so two finished ones must go, not one.
			writingBytes: 100
		});
		expect(plan.map((d) => [d.path, d.reason])).toEqual([
			[a1.path, 'quota'],
			[b1.path, 'quota']
		]);
	});

	it('retention - age deletions count towards the quota first', () => {
		const old = seg('cam-a', 8 * DAY, 500);
		const fresh = seg('cam-a', 60_000, 100);
		const plan = planRetention([old, fresh], {
			nowMs: now,
			retentionDays: () => 7,
			quotaBytes: 200,
			writingBytes: 0
		});
		expect(plan.map((d) => d.reason)).toEqual(['age']);
	});
});
