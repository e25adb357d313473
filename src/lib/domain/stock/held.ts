/**
 * Sales this server has published that the store does not show yet. Between a sale's publish and
 * its row in the store (the processor writes in batches) the lot accounts still count the units
 * it took; a second sale in that window would be offered them again, and the last unit would be
 * sold twice. The units of such sales are held back from the lots until the store has them.
 */
export interface HeldSale {
	eventId: string;
	/** The sale's occurredAt: where to start looking for it in the store. */
	occurredAt: string;
	/** When this server published it (ms): a hold is dropped after a bound, see `stillHeld`. */
	heldAt: number;
	lines: readonly { lotId: string; quantity: number }[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The lots with what held sales took subtracted (never below zero). */
export function lessHeld<L extends { lotId: string; remaining: number }>(
	lots: readonly L[],
	held: readonly HeldSale[]
): L[] {
	const taken = new Map<string, number>();
	for (const sale of held) {
		for (const l of sale.lines) taken.set(l.lotId, (taken.get(l.lotId) ?? 0) + l.quantity);
	}
	if (taken.size === 0) return [...lots];
	return lots.map((lot) => {
		const t = taken.get(lot.lotId);
		return t === undefined ? lot : { ...lot, remaining: Math.max(0, round(lot.remaining - t)) };
	});
}

/**
 * The holds still needed: not yet in the store, and younger than `maxAgeMs`. The bound only
 * matters when the processor is far behind; a sale never found in it is a fault logged elsewhere,
 * and holding its units forever would make the shop's stock look emptier for good.
 */
export function stillHeld(
	held: readonly HeldSale[],
	stored: ReadonlySet<string>,
	now: number,
	maxAgeMs: number
): HeldSale[] {
	return held.filter((s) => !stored.has(s.eventId) && now - s.heldAt < maxAgeMs);
}

/** Where to look for the held sales in the store: from the earliest of them. */
export function earliestHeld(held: readonly HeldSale[]): string | null {
	let min: string | null = null;
	for (const s of held) if (min === null || s.occurredAt < min) min = s.occurredAt;
	return min;
}
