/**
 * Token buckets per key (a client address, a shop): pure, the caller keeps the map. A bucket
 * holds up to `burst` tokens and refills at `perMinute`; each request takes one. Unlike a fixed
 * window it allows no double burst at a window's edge, and it tells when the next token comes.
 */
export interface BucketRule {
	burst: number;
	perMinute: number;
}

export interface Bucket {
	tokens: number;
	at: number;
}

export type BucketDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export function take(
	buckets: Map<string, Bucket>,
	key: string,
	rule: BucketRule,
	now: number
): BucketDecision {
	const perMs = rule.perMinute / 60_000;
	const b = buckets.get(key);
	const tokens = b ? Math.min(rule.burst, b.tokens + (now - b.at) * perMs) : rule.burst;
	if (tokens >= 1) {
		buckets.set(key, { tokens: tokens - 1, at: now });
		return { allowed: true };
	}
	buckets.set(key, { tokens, at: now });
	return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) / perMs) };
}

/** Drops buckets that have refilled (they equal a fresh one), so the map stays small. */
export function sweepBuckets(buckets: Map<string, Bucket>, rule: BucketRule, now: number): void {
	const perMs = rule.perMinute / 60_000;
	for (const [key, b] of buckets) {
		if (b.tokens + (now - b.at) * perMs >= rule.burst) buckets.delete(key);
	}
}

/** Complaints from one address: a few at once, then one every ten minutes. */
export const complaintsPerAddress: BucketRule = { burst: 3, perMinute: 0.1 };
/** Complaints about one shop from anyone: a bad lunch may bring several, a campaign many more. */
export const complaintsPerShop: BucketRule = { burst: 20, perMinute: 1 };
/** Open-data reads per address: a portal's harvester paging politely fits well inside. */
export const openDataPerAddress: BucketRule = { burst: 60, perMinute: 120 };
