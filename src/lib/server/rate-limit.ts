import {
	anonymousWrites,
	countRequest,
	sessionWrites,
	sweepWindows,
	type RateDecision,
	type RateWindow
} from '../domain/auth/rate-limit';

// Per process: a second web server counts on its own. Sign-in guessing, where sharing matters,
// is throttled in NATS KV as well (accounts/throttle-store.ts); this only bounds floods.
const anonymous = new Map<string, RateWindow>();
const sessions = new Map<string, RateWindow>();
let lastSweep = 0;

/** Counts a write (any method but GET/HEAD/OPTIONS) by this session or, anonymous, this address. */
export function countWrite(
	sessionId: string | null,
	address: string,
	now = Date.now()
): RateDecision {
	if (now - lastSweep > 60_000) {
		sweepWindows(anonymous, anonymousWrites, now);
		sweepWindows(sessions, sessionWrites, now);
		lastSweep = now;
	}
	return sessionId
		? countRequest(sessions, sessionId, sessionWrites, now)
		: countRequest(anonymous, address, anonymousWrites, now);
}
