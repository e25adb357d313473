import { describe, expect, it } from 'vitest';
import { RELOAD_GAP_MS, RELOAD_QUIET_MS, reloadDecision } from './reload-policy';

describe('map reloads', () => {
	it('map - the join right after the first load does not load again', () => {
		expect(reloadDecision({ now: 1_000, lastStartAt: null, loading: true }, true)).toEqual({
			kind: 'skip'
		});
		expect(reloadDecision({ now: 3_000, lastStartAt: 1_000, loading: false }, true)).toEqual({
			kind: 'skip'
		});
		expect(
			reloadDecision({ now: 1_000 + RELOAD_QUIET_MS + 1, lastStartAt: 1_000, loading: false }, true)
		).toEqual({ kind: 'at', at: 1_000 + RELOAD_GAP_MS });
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
	});
});
