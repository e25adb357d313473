import type { LotAccount } from '../trace/contracts';
import { isExpired } from './shelf-life';

/** What allocation needs of a lot (a `LotAccount` from the read API has it all). */
export type FifoLot = Pick<
	LotAccount,
	'lotId' | 'sku' | 'productName' | 'expiresOn' | 'receivedAt' | 'remaining' | 'recallIds'
>;

export type LotRefusalReason = 'expired' | 'recalled' | 'empty' | 'other_sku' | 'unknown';

/** A lot the till would not take from, and why. */
export interface LotRefusal {
	lotId: string;
	reason: LotRefusalReason;
}

/** A quantity taken from one lot. */
export interface AllocatedLine {
	lotId: string;
	sku: string;
	productName: string;
	expiresOn: string;
	quantity: number;
}

export type Allocation =
	| { ok: true; lines: AllocatedLine[]; refused: LotRefusal[] }
	| {
			ok: false;
			reason: 'short';
			sku: string;
			wanted: number;
			available: number;
			/** The lots of this SKU that held stock but could not be sold from. */
			refused: LotRefusal[];
	  };

/** Quantities are kilos or pieces: three decimals keep 0.1 + 0.2 from leaving a crumb behind. */
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Why a lot of the right SKU may not be sold from on `today`, or null when it may. */
export function refusalOf(lot: FifoLot, today: string): LotRefusalReason | null {
	// A recall outranks everything: the message the shop must see is 召回批次禁止销售.
	if (lot.recallIds.length > 0) return 'recalled';
	if (isExpired(lot.expiresOn, today)) return 'expired';
	if (round(lot.remaining) <= 0) return 'empty';
	return null;
}

/** How much of `sku` may be sold today: what the lots FIFO would take from still hold. */
export function sellableQuantity(lots: readonly FifoLot[], sku: string, today: string): number {
	return round(
		lots
			.filter((l) => l.sku === sku && refusalOf(l, today) === null)
			.reduce((sum, l) => sum + l.remaining, 0)
	);
}

/** First expiring first; the same expiry by the earlier intake, then by id for a stable order. */
function fifoOrder(a: FifoLot, b: FifoLot): number {
	return (
		a.expiresOn.localeCompare(b.expiresOn) ||
		a.receivedAt.localeCompare(b.receivedAt) ||
		a.lotId.localeCompare(b.lotId)
	);
}

/**
 * Takes `quantity` of `sku` from the shop's lots first-expiring-first-out (先到期先出), skipping
 * lots that are expired (past `expiresOn`), under an open recall, or empty. Short stock is an
 * answer, not an exception: the till shows what is missing and which lots it refused.
 */
export function allocateFifo(
	lots: readonly FifoLot[],
	sku: string,
	quantity: number,
	today: string
): Allocation {
	const ofSku = lots.filter((l) => l.sku === sku).sort(fifoOrder);
	const refused: LotRefusal[] = [];
	const lines: AllocatedLine[] = [];
	let left = round(quantity);
	for (const lot of ofSku) {
		const why = refusalOf(lot, today);
		if (why) {
			if (why !== 'empty') refused.push({ lotId: lot.lotId, reason: why });
			continue;
		}
		if (left <= 0) continue;
		const take = round(Math.min(left, lot.remaining));
		lines.push({
			lotId: lot.lotId,
			sku,
			productName: lot.productName,
			expiresOn: lot.expiresOn,
			quantity: take
		});
		left = round(left - take);
	}
	if (left > 0) {
		const available = round(quantity - left);
		return { ok: false, reason: 'short', sku, wanted: quantity, available, refused };
	}
	return { ok: true, lines, refused };
}

/**
 * Takes `quantity` from one named lot (a POS that knows which lot it sold from). Refused like
 * FIFO refuses, and when the lot is unknown, of another SKU, or holds too little.
 */
export function takeFromLot(
	lots: readonly FifoLot[],
	sku: string,
	lotId: string,
	quantity: number,
	today: string,
	{ allowExpired = false } = {}
): { ok: true; line: AllocatedLine } | { ok: false; refusal: LotRefusal } {
	const lot = lots.find((l) => l.lotId === lotId);
	if (!lot) return { ok: false, refusal: { lotId, reason: 'unknown' } };
	if (lot.sku !== sku) return { ok: false, refusal: { lotId, reason: 'other_sku' } };
	const why = refusalOf(lot, today);
	if (why && !(why === 'expired' && allowExpired)) {
		return { ok: false, refusal: { lotId, reason: why } };
	}
	if (round(lot.remaining) < round(quantity)) {
		return { ok: false, refusal: { lotId, reason: 'empty' } };
	}
	const { productName, expiresOn } = lot;
	return { ok: true, line: { lotId, sku, productName, expiresOn, quantity: round(quantity) } };
}
