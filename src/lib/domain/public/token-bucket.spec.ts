import { describe, expect, it } from 'vitest';
import { sweepBuckets, take, type Bucket } from './token-bucket';

describe('token bucket', () => {
	const rule = { burst: 2, perMinute: 6 };
	it('rate limit - a burst passes, the next waits for a token, refill lets it through', () => {
		const buckets = new Map<string, Bucket>();
		expect(take(buckets, 'a', rule, 0)).toEqual({ allowed: true });
		expect(take(buckets, 'a', rule, 0)).toEqual({ allowed: true });
		expect(take(buckets, 'a', rule, 0)).toEqual({ allowed: false, retryAfterMs: 10_000 });
		expect(take(buckets, 'b', rule, 0)).toEqual({ allowed: true });
		expect(take(buckets, 'a', rule, 10_000)).toEqual({ allowed: true });
		expect(take(buckets, 'a', rule, 10_000).allowed).toBe(false);
	});
	it('rate limit - refilled buckets are swept', () => {
		const buckets = new Map<string, Bucket>();
		take(buckets, 'a', rule, 0);
		take(buckets, 'b', rule, 15_000);
		sweepBuckets(buckets, rule, 20_000);
		expect([...buckets.keys()]).toEqual(['b']);
	});
});
