import { describe, expect, it } from 'vitest';
import { RELOAD_GAP_MS, RESYNC_GAP_MS, reloadDecision } from './reload-policy';

describe('map reloads', () => {
	it('map - a join during the first load loads once more after it (the load may predate the join)', () => {
		expect(reloadDecision({ now: 1_500, lastStartAt: 1_000, loading: true }, true)).toEqual({
			kind: 'queue'
		});
		// When the queued reload comes due, right after the first load ended.
		expect(reloadDecision({ now: 2_000, lastStartAt: 1_000, loading: false }, true)).toEqual({
			kind: 'at',
			at: 1_000 + RESYNC_GAP_MS
		});
		expect(reloadDecision({ now: 9_000, lastStartAt: 1_000, loading: false }, true)).toEqual({
			kind: 'at',
			at: 9_000
		});
	});

	it('map - a delta with more changes than it carries reloads, spaced, after a running load', () => {
		expect(reloadDecision({ now: 2_000, lastStartAt: 1_000, loading: false }, false)).toEqual({
			kind: 'at',
			at: 1_000 + RELOAD_GAP_MS
		});
		expect(reloadDecision({ now: 2_000, lastStartAt: 1_000, loading: true }, false)).toEqual({
			kind: 'queue'
		});
		expect(reloadDecision({ now: 60_000, lastStartAt: 1_000, loading: false }, false)).toEqual({
			kind: 'at',
			at: 60_000
		});
		expect(reloadDecision({ now: 60_000, lastStartAt: null, loading: false }, false)).toEqual({
			kind: 'at',
			at: 60_000
		});
	});
});
