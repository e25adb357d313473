/** A lot as the menu counts it: what is left, and whether it may be sold at all. */
export interface SellableLot {
	lotId: string;
	expiresOn: string;
	remaining: number;
	/** Under an open recall: never sold. */
	recalled: boolean;
}

/**
 * How much of a product the menu offers today: what is left in lots that may be sold (not
 * recalled, not past expiry; a lot expiring today still sells). The sale itself takes lots by
 * the till's FIFO (stock/fifo.ts), which refuses the same lots.
 */
export function sellable(lots: readonly SellableLot[], today: string): number {
	return lots
		.filter((l) => l.remaining > 0 && !l.recalled && l.expiresOn >= today)
		.reduce((s, l) => s + l.remaining, 0);
}

/**
 * What each lot of a shop still holds, folded from its events: received by purchase intake,
 * minus sales and waste/returns/recall pulls, plus adjustments; a count (盘点) sets the quantity
 * found. Movements come in time order, since a count overrides what went before it.
 */
export interface LotIntake {
	lotId: string;
	sku: string;
	received: number;
	expiresOn: string;
}
export interface LotMovement {
	lotId: string;
	kind: 'waste' | 'return' | 'adjustment' | 'count' | 'recall_pull' | 'sale';
	quantity: number;
}

export function lotBalances(
	intakes: readonly LotIntake[],
	movements: readonly LotMovement[],
	recalledLotIds: ReadonlySet<string>
): (SellableLot & { sku: string })[] {
	const left = new Map(intakes.map((l) => [l.lotId, l.received]));
	for (const m of movements) {
		const now = left.get(m.lotId);
		if (now === undefined) continue;
		if (m.kind === 'count') left.set(m.lotId, m.quantity);
		else if (m.kind === 'adjustment') left.set(m.lotId, now + m.quantity);
		else left.set(m.lotId, now - m.quantity);
	}
	return intakes.map((l) => ({
		lotId: l.lotId,
		sku: l.sku,
		expiresOn: l.expiresOn,
		remaining: Math.max(0, left.get(l.lotId) ?? 0),
		recalled: recalledLotIds.has(l.lotId)
	}));
}
