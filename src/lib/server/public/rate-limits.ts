import {
	complaintsPerAddress,
	complaintsPerShop,
	openDataPerAddress,
	sweepBuckets,
	take,
	type Bucket,
	type BucketDecision,
	type BucketRule
} from '../../domain/public/token-bucket';

/**
 * The public platform's token buckets, in this process: a second web server counts on its own
 * (the limits are per server, which is enough to keep one client from flooding the stream or
 * the store; a shared limit would live in NATS KV like the sign-in throttle).
 */
class Limiter {
	readonly #buckets = new Map<string, Bucket>();
	#lastSweep = 0;
	constructor(readonly rule: BucketRule) {}

	take(key: string, now = Date.now()): BucketDecision {
		if (now - this.#lastSweep > 60_000) {
			sweepBuckets(this.#buckets, this.rule, now);
			this.#lastSweep = now;
		}
		return take(this.#buckets, key, this.rule, now);
	}
}

const byAddress = new Limiter(complaintsPerAddress);
const byShop = new Limiter(complaintsPerShop);
const openData = new Limiter(openDataPerAddress);

/** A complaint from this address about this shop: both buckets must have a token. */
export function takeComplaint(address: string, merchantId: string): BucketDecision {
	const a = byAddress.take(address);
	if (!a.allowed) return a;
	return byShop.take(merchantId);
}

/** One open-data request from this address. */
export function takeOpenData(address: string): BucketDecision {
	return openData.take(address);
}
