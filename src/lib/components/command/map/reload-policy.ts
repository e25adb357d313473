/** A join or resync right after the points loaded needs no second load of 100,000 rows. */
export const RELOAD_QUIET_MS = 5_000;
/** Loads start at least this far apart, however many overflows come (a city-wide rescore). */
export const RELOAD_GAP_MS = 10_000;

export type ReloadDecision =
	| { kind: 'skip' }
	/** A load is running: load once more when it ends (it may have read the store too early). */
	| { kind: 'queue' }
	| { kind: 'at'; at: number };

/**
 * What to do when the live room says "reload every grade". `resync`: it came with a snapshot
 * (join, reconnect, gap) rather than with a delta that carried more changes than it holds.
 */
export function reloadDecision(
	s: { now: number; lastStartAt: number | null; loading: boolean },
	resync: boolean
): ReloadDecision {
	if (s.lastStartAt === null) return s.loading ? { kind: 'skip' } : { kind: 'at', at: s.now };
	if (resync && s.now - s.lastStartAt < RELOAD_QUIET_MS) return { kind: 'skip' };
	if (s.loading) return { kind: 'queue' };
	return { kind: 'at', at: Math.max(s.now, s.lastStartAt + RELOAD_GAP_MS) };
}
