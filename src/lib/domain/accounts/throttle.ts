/**
 * Sign-in throttling, as pure decisions over a failure record. Failures are counted per typed
 * username (whether or not it exists, so a lockout says nothing about existence) and per client
 * address (one address guessing many accounts). Past the free failures each further one doubles
 * the wait, up to a cap; a success clears the account's record but not the address's (else one
 * valid account would let an address reset its own counter).
 */
export interface ThrottlePolicy {
	freeFailures: number;
	baseLockMs: number;
	maxLockMs: number;
	/** Failures older than this are forgotten. */
	windowMs: number;
}

export const accountThrottle: ThrottlePolicy = {
	freeFailures: 5,
	baseLockMs: 60_000,
	maxLockMs: 30 * 60_000,
	windowMs: 60 * 60_000
};

// Generous: a district office signs in from behind one address, and its typos must not lock
// out the whole office; a guesser still gets ~50 tries an hour, then waits that double.
export const addressThrottle: ThrottlePolicy = {
	freeFailures: 50,
	baseLockMs: 60_000,
	maxLockMs: 15 * 60_000,
	windowMs: 60 * 60_000
};

export interface FailureRecord {
	failures: number;
	firstAt: number;
	lockedUntil: number;
}

/** Milliseconds until a sign-in may be tried again; 0 when it may now. */
export function throttleWait(record: FailureRecord | null, now: number): number {
	if (!record) return 0;
	return Math.max(0, record.lockedUntil - now);
}

export function recordFailure(
	record: FailureRecord | null,
	now: number,
	policy: ThrottlePolicy
): FailureRecord {
	const fresh = !record || now - record.firstAt > policy.windowMs;
	const failures = fresh ? 1 : record.failures + 1;
	const over = failures - policy.freeFailures;
	const lockedUntil =
		over >= 0 ? now + Math.min(policy.baseLockMs * 2 ** over, policy.maxLockMs) : 0;
	return { failures, firstAt: fresh ? now : record.firstAt, lockedUntil };
}
