import { describe, expect, it } from 'vitest';
import { emptySeverityCounts } from '$lib/domain/alert';
import type { RoomDelta } from '$lib/domain/live';
import { DeltaSequencer } from './sequencer';

const delta = (seq: number): RoomDelta => ({
	room: 'city',
	seq,
	at: seq,
	totals: {
		day: '2026-11-28',
		events: seq,
		byFamily: {},
		openAlerts: emptySeverityCounts(),
		merchants: 0,
		grades: { A: 0, B: 0, C: 0, D: 0 }
	},
	flow: { stalled: false, lastEventAt: null },
	minute: null,
	alerts: [],
	feed: [],
	feedTotal: 0,
	gradeChanges: [],
	gradeChangesTotal: 0
});
const seqs = (ds: RoomDelta[]) => ds.map((d) => d.seq);

describe('live sequencer', () => {
	it('live - deltas in order are applied one by one', () => {
		const s = new DeltaSequencer();
		s.onSnapshot(5);
		expect(seqs(s.onDelta(delta(6)).apply)).toEqual([6]);
		expect(seqs(s.onDelta(delta(7)).apply)).toEqual([7]);
		expect(s.lastSeq).toBe(7);
	});

	it('live - deltas before the snapshot wait and the newer ones follow it', () => {
		const s = new DeltaSequencer();
		expect(s.onDelta(delta(4)).apply).toEqual([]);
		expect(s.onDelta(delta(6)).apply).toEqual([]);
		expect(s.onDelta(delta(5)).apply).toEqual([]);
		const step = s.onSnapshot(4);
		expect(seqs(step.apply)).toEqual([5, 6]);
		expect(step.resync).toBe(false);
	});

	it('live - a gap asks for a snapshot and stops applying until it comes', () => {
		const s = new DeltaSequencer();
		s.onSnapshot(1);
		expect(s.onDelta(delta(3))).toEqual({ apply: [], resync: true });
		expect(s.onDelta(delta(4)).apply).toEqual([]);
		expect(seqs(s.onSnapshot(3).apply)).toEqual([4]);
	});

	it('live - a repeated seq is ignored, a lower one (source restarted) resyncs', () => {
		const s = new DeltaSequencer();
		s.onSnapshot(10);
		expect(s.onDelta(delta(10))).toEqual({ apply: [], resync: false });
		expect(s.onDelta(delta(2)).resync).toBe(true);
	});
});
