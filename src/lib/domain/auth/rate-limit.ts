/**
 * A fixed-window request counter per key (client address, session): pure, the caller keeps the
 * map. Public writes (sign-in, complaints, orders) are limited per address so one client cannot
 * flood the event stream; the limit is generous enough for a family behind one NAT.
 */
export interface RateLimit {
	/** Requests allowed per window. */
	limit: number;
	windowMs: number;
}

export interface RateWindow {
	start: number;
	count: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export function countRequest(
	windows: Map<string, RateWindow>,
	key: string,
	rule: RateLimit,
	now: number
): RateDecision {
	const w = windows.get(key);
	if (!w || now - w.start >= rule.windowMs) {
		windows.set(key, { start: now, count: 1 });
		return { allowed: true };
	}
	w.count++;
	if (w.count <= rule.limit) return { allowed: true };
	return { allowed: false, retryAfterMs: w.start + rule.windowMs - now };
}

/** Drops windows that have ended, so the map does not grow with every address ever seen. */
export function sweepWindows(windows: Map<string, RateWindow>, rule: RateLimit, now: number): void {
	for (const [key, w] of windows) if (now - w.start >= rule.windowMs) windows.delete(key);
}

/** Writes by people who are not signed in: sign-in attempts, and later complaints and orders. */
export const anonymousWrites: RateLimit = { limit: 30, windowMs: 60_000 };
/** Writes by a signed-in session: a busy kitchen's ledgers stay far below this. */
export const sessionWrites: RateLimit = { limit: 300, windowMs: 60_000 };
/** Sales a POS sends with one API key: a busy counter rings a sale every few seconds at most. */
export const posKeyWrites: RateLimit = { limit: 120, windowMs: 60_000 };
/**
 * Failed POS key checks (none, unknown, revoked) per address: a POS set up wrongly fails a few
 * times; more is someone guessing keys, and waits out the window even with a right one.
 */
export const posKeyFailures: RateLimit = { limit: 20, windowMs: 60_000 };

/** Whether `key` is still within `rule` without counting a request (limits on failures only). */
export function peekRequest(
	windows: Map<string, RateWindow>,
	key: string,
	rule: RateLimit,
	now: number
): RateDecision {
	const w = windows.get(key);
	if (!w || now - w.start >= rule.windowMs || w.count < rule.limit) return { allowed: true };
	return { allowed: false, retryAfterMs: w.start + rule.windowMs - now };
}
