/**
 * The memory watchdog of a wall that runs for weeks: a page whose heap keeps growing is
 * reloaded cleanly before it freezes. The baseline is the lowest heap seen once the page has
 * settled (after `warmupMs`); the check looks at the lowest heap of the recent samples (what
 * survives garbage collection), so the saw-tooth of normal allocation never trips it.
 */
export interface WatchdogPolicy {
	warmupMs: number;
	/** How many recent samples the floor is taken over. */
	window: number;
	/** Reload when the floor is this many times the baseline… */
	growth: number;
	/** …and at least this many bytes above it (small heaps wobble by whole percents). */
	minBytes: number;
}

export const WATCHDOG: WatchdogPolicy = {
	warmupMs: 10 * 60_000,
	window: 10,
	growth: 1.5,
	minBytes: 64 * 1024 * 1024
};

export interface HeapSample {
	at: number;
	used: number;
}

export function heapVerdict(
	samples: readonly HeapSample[],
	startedAt: number,
	policy: WatchdogPolicy = WATCHDOG
): { reload: boolean; baseline: number | null; floor: number | null } {
	const settled = samples.filter((s) => s.at - startedAt >= policy.warmupMs);
	if (settled.length < policy.window * 2) {
		return { reload: false, baseline: null, floor: null };
	}
	const baseline = Math.min(...settled.slice(0, policy.window).map((s) => s.used));
	const floor = Math.min(...settled.slice(-policy.window).map((s) => s.used));
	const reload = floor > baseline * policy.growth && floor - baseline > policy.minBytes;
	return { reload, baseline, floor };
}

/** What the watchdog keeps: the baseline's samples and the recent ones, never more. */
export function keptSamples(
	samples: readonly HeapSample[],
	startedAt: number,
	policy: WatchdogPolicy = WATCHDOG
): HeapSample[] {
	const settled = samples.filter((s) => s.at - startedAt >= policy.warmupMs);
	if (settled.length <= policy.window * 2) return settled;
	return [...settled.slice(0, policy.window), ...settled.slice(-policy.window)];
}
