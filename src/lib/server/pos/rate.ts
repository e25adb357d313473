import {
	countRequest,
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
