/**
 * First-expiring-first-out (先到期先出): which lots a sale of `quantity` units of one product takes
 * from. A lot under recall or past its expiry is never sold; what is left is taken soonest expiry
 * first (ties by lot id, so the answer is the same on every server).
 */
export interface SellableLot {
	lotId: string;
	expiresOn: string;
	remaining: number;
	/** Under an open recall: the till refuses it. */
	recalled: boolean;
}

export interface LotTake {
	lotId: string;
	expiresOn: string;
	quantity: number;
}

export type FifoResult =
	| { ok: true; takes: LotTake[] }
	/**
	 * `out_of_stock`: not enough on the shelf at all; `blocked`: enough only with recalled or
	 * expired lots, which may not be sold. `available` is what may be sold.
	 */
	| { ok: false; reason: 'out_of_stock' | 'blocked'; available: number };

/** `today` is the shop's day (YYYY-MM-DD): a lot expiring today may still be sold today. */
export function allocateFifo(
	lots: readonly SellableLot[],
	quantity: number,
	today: string
): FifoResult {
	const usable = lots
		.filter((l) => l.remaining > 0 && !l.recalled && l.expiresOn >= today)
		.sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.lotId.localeCompare(b.lotId));
	const available = usable.reduce((s, l) => s + l.remaining, 0);
	if (available < quantity) {
		const onShelf = lots.reduce((s, l) => s + Math.max(0, l.remaining), 0);
		return { ok: false, reason: onShelf >= quantity ? 'blocked' : 'out_of_stock', available };
	}
	const takes: LotTake[] = [];
	let left = quantity;
	for (const l of usable) {
		if (left <= 0) break;
		const take = Math.min(left, l.remaining);
		takes.push({ lotId: l.lotId, expiresOn: l.expiresOn, quantity: take });
		left -= take;
	}
	return { ok: true, takes };
}

/** What may be sold of a product today (the menu's count). */
export function sellable(lots: readonly SellableLot[], today: string): number {
	return lots
		.filter((l) => l.remaining > 0 && !l.recalled && l.expiresOn >= today)
		.reduce((s, l) => s + l.remaining, 0);
}
