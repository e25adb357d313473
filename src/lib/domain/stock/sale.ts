import { z } from 'zod';
import { entityId } from '../ids';
import { fen } from '../events/common';
import type { saleLine } from '../events/till';
import { allocateFifo, takeFromLot, type FifoLot, type LotRefusal } from './fifo';

/** A line as a till or a POS asks for it: a product and a quantity, the lot only when known. */
export const requestedLine = z.object({
	sku: entityId,
	quantity: z.number().positive().max(100_000),
	lotId: entityId.optional(),
	/** The POS's own price; the till uses the product's menu price. */
	unitPriceFen: fen.optional()
});
export type RequestedLine = z.infer<typeof requestedLine>;

/** What a sale needs of a product: its name and its menu price, if it has one. */
export interface CatalogueEntry {
	sku: string;
	name: string;
	priceFen?: number | undefined;
}

export type SaleLine = z.infer<typeof saleLine>;

/** Why one requested line cannot be sold. `refused` names the lots kept back and why. */
export type LineProblem =
	| {
			line: number;
			sku: string;
			reason: 'short';
			wanted: number;
			available: number;
			refused: LotRefusal[];
	  }
	| { line: number; sku: string; reason: 'lot_refused'; refusal: LotRefusal }
	| { line: number; sku: string; reason: 'no_price' };

export type ResolvedSale =
	{ ok: true; lines: SaleLine[]; totalFen: number } | { ok: false; problems: LineProblem[] };

/**
 * Resolves requested lines to lot lines (FIFO unless a lot is named) and prices them. Lines of
 * the same product share the lots: an earlier line's take is gone for the next. `allowExpired`
 * lets a POS report a past sale from an expired lot it named (recorded, so the regulator's rule
 * sees it); a recalled lot is never sold.
 */
export function resolveSale(
	requested: readonly RequestedLine[],
	lots: readonly FifoLot[],
	catalogue: ReadonlyMap<string, CatalogueEntry>,
	today: string,
	{ allowExpired = false } = {}
): ResolvedSale {
	const left = lots.map((l) => ({ ...l }));
	const lines: SaleLine[] = [];
	const problems: LineProblem[] = [];
	requested.forEach((r, i) => {
		const product = catalogue.get(r.sku);
		const price = r.unitPriceFen ?? product?.priceFen;
		if (price === undefined) {
			problems.push({ line: i, sku: r.sku, reason: 'no_price' });
			return;
		}
		let taken;
		if (r.lotId) {
			const one = takeFromLot(left, r.sku, r.lotId, r.quantity, today, { allowExpired });
			if (!one.ok) {
				problems.push({ line: i, sku: r.sku, reason: 'lot_refused', refusal: one.refusal });
				return;
			}
			taken = [one.line];
		} else {
			const a = allocateFifo(left, r.sku, r.quantity, today);
			if (!a.ok) {
				const { wanted, available, refused } = a;
				problems.push({ line: i, sku: r.sku, reason: 'short', wanted, available, refused });
				return;
			}
			taken = a.lines;
		}
		for (const t of taken) {
			const lot = left.find((l) => l.lotId === t.lotId);
			if (lot) lot.remaining -= t.quantity;
			lines.push({
				sku: t.sku,
				productName: product?.name ?? t.productName,
				lotId: t.lotId,
				expiresOn: t.expiresOn,
				quantity: t.quantity,
				unitPriceFen: price
			});
		}
	});
	if (problems.length > 0) return { ok: false, problems };
	const totalFen = lines.reduce((sum, l) => sum + Math.round(l.quantity * l.unitPriceFen), 0);
	return { ok: true, lines, totalFen };
}

/** Whether any problem is a recalled lot: the till's message for it is 召回批次禁止销售. */
export const hasRecalled = (problems: readonly LineProblem[]): boolean =>
	problems.some((p) =>
		p.reason === 'lot_refused'
			? p.refusal.reason === 'recalled'
			: p.reason === 'short' && p.refused.some((r) => r.reason === 'recalled')
	);
