/** Loads after a snapshot start at least this far apart (a flapping connection resyncs often). */
export const RESYNC_GAP_MS = 2_000;
/** Loads start at least this far apart, however many overflows come (a city-wide rescore). */
export const RELOAD_GAP_MS = 10_000;

export type ReloadDecision =
	/** A load is running: load once more when it ends (it may have read the store too early). */
	{ kind: 'queue' } | { kind: 'at'; at: number };

/**
 * What to do when the live room says "reload every grade". `resync`: it came with a snapshot
 * (join, reconnect, gap) rather than with a delta that carried more changes than it holds.
 *
 * A snapshot always means one more load, even right after one: grades are followed from the
 * join on (changes during a load are replayed into it), so a load that started before the join
 * may have read the store before a change the room no longer carries — that merchant would stay
 * in its old colour until the next periodic reload.
 */
export function reloadDecision(
	s: { now: number; lastStartAt: number | null; loading: boolean },
	resync: boolean
): ReloadDecision {
	if (s.loading) return { kind: 'queue' };
	if (s.lastStartAt === null) return { kind: 'at', at: s.now };
	const gap = resync ? RESYNC_GAP_MS : RELOAD_GAP_MS;
	return { kind: 'at', at: Math.max(s.now, s.lastStartAt + gap) };
}
