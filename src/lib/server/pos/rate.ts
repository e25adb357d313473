import {
	countRequest,
	peekRequest,
	posKeyFailures,
	posKeyWrites,
	sweepWindows,
	type RateDecision,
	type RateWindow
} from '../../domain/auth/rate-limit';

// Per process, as the other write limits: it bounds a runaway POS, it is not a quota.
const windows = new Map<string, RateWindow>();
let lastSweep = 0;

/** Counts one call by this key. */
export function countPosCall(keyId: string, now = Date.now()): RateDecision {
	if (now - lastSweep > 60_000) {
		sweepWindows(windows, posKeyWrites, now);
		lastSweep = now;
	}
	return countRequest(windows, keyId, posKeyWrites, now);
}

const failures = new Map<string, RateWindow>();

/**
 * Whether this address may present a key now. The POS API is kept out of the per-address write
 * limit (a shop's POS terminals share one address), so failed key checks are limited here.
 */
export function posKeyAllowed(address: string, now = Date.now()): RateDecision {
	return peekRequest(failures, address, posKeyFailures, now);
}

/** Counts one failed key check from this address. */
export function countPosKeyFailure(address: string, now = Date.now()): void {
	if (failures.size > 10_000) sweepWindows(failures, posKeyFailures, now);
	countRequest(failures, address, posKeyFailures, now);
}
