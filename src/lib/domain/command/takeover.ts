import type { Alert } from '../alert';

/**
 * The alarm takeover: a new critical alert takes the screen for `seconds`; several are shown
 * one after another, newest last; one the wall already showed never takes it again (a
 * reconnect replays the newest alerts as arrivals).
 */
export interface Takeover {
	alert: Alert;
	/** When it started showing (epoch ms). */
	since: number;
}

export function nextTakeovers(
	queue: readonly Alert[],
	arrivals: readonly Alert[],
	shown: ReadonlySet<string>
): Alert[] {
	const queued = new Set(queue.map((a) => a.id));
	const fresh = arrivals.filter(
		(a) => a.severity === 'critical' && a.status === 'open' && !shown.has(a.id) && !queued.has(a.id)
	);
	return fresh.length ? [...queue, ...fresh.reverse()] : [...queue];
}

/** The takeover showing at `now`, if any: the head of the queue until its time is up. */
export function currentTakeover(
	head: Takeover | null,
	seconds: number,
	now: number
): Takeover | null {
	if (!head || seconds <= 0) return null;
	return now - head.since < seconds * 1000 ? head : null;
}
