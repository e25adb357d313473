/**
 * What the store sums per lot (see trace.queries.ts): every movement, and, when the lot was
 * counted (盘点), the last count and what moved after it.
 */
export interface LotSums {
	received: number;
	sold: number;
	wasted: number;
	returned: number;
	pulled: number;
	/** Signed adjustments (not counts). */
	adjustments: number;
	/** The last count's instant, null when never counted. */
	countedAt: string | null;
	/** The quantity the last count found. */
	counted: number;
	/** Sold, out (waste, return, recall pull) and adjusted after the last count. */
	soldAfterCount: number;
	outAfterCount: number;
	adjustedAfterCount: number;
}

export interface LotBalance {
	received: number;
	sold: number;
	wasted: number;
	returned: number;
	pulled: number;
	/** Adjustments and count differences, signed. */
	adjusted: number;
	remaining: number;
}

/** Quantities are decimals (kg); sums of floats are rounded to a gram's thousandth. */
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * A lot's balance. A count resets it to what was found on the shelf; whatever moved after the
 * count applies on top. The count's difference shows in `adjusted`, so that
 * remaining = received − sold − wasted − returned − pulled + adjusted always holds.
 */
export function lotBalance(s: LotSums): LotBalance {
	const out = s.sold + s.wasted + s.returned + s.pulled;
	const remaining =
		s.countedAt === null
			? s.received - out + s.adjustments
			: s.counted - s.soldAfterCount - s.outAfterCount + s.adjustedAfterCount;
	return {
		received: round(s.received),
		sold: round(s.sold),
		wasted: round(s.wasted),
		returned: round(s.returned),
		pulled: round(s.pulled),
		adjusted: round(remaining - (s.received - out)),
		remaining: round(remaining)
	};
}

/** The sum of lots' balances (a forward trace's totals). */
export function totalsOf(balances: readonly LotBalance[]): LotBalance {
	const t: LotBalance = {
		received: 0,
		sold: 0,
		wasted: 0,
		returned: 0,
		pulled: 0,
		adjusted: 0,
		remaining: 0
	};
	for (const b of balances) {
		for (const k of Object.keys(t) as (keyof LotBalance)[]) t[k] += b[k];
	}
	for (const k of Object.keys(t) as (keyof LotBalance)[]) t[k] = round(t[k]);
	return t;
}
