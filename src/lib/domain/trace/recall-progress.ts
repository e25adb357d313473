import type { SupplierLot } from '../events/recall';
import type { RecallProgress } from './contracts';

/** One merchant's notice of a recall (a recall.opened), as stored. */
export interface RecallNotice {
	recallId: string;
	merchantId: string;
	merchantName: string;
	districtId: string;
	title: string;
	reason: string;
	level: '1' | '2' | '3';
	lots: SupplierLot[];
	merchantLotIds: string[];
	openedAt: string;
}

/** A merchant's answer: acknowledged, a lot accounted for, or closed. */
export interface RecallStep {
	merchantId: string;
	kind: 'acknowledged' | 'lot_accounted' | 'closed';
	lotId: string;
	pulled: number;
	disposition: string;
	occurredAt: string;
}

/**
 * A recall's progress from its notices and the merchants' answers. A merchant is done when it
 * has accounted for every lot of its notice (or the recall was closed for it; a notice without
 * lots is done once read). A lot accounted twice counts once, by its latest answer. The units
 * affected are what the lots held when the recall opened (`atOpening`, key `merchantId|lotId`);
 * a lot's units are accounted for once the merchant has reported on it, whatever it pulled.
 */
export function recallProgressOf(
	notices: readonly RecallNotice[],
	steps: readonly RecallStep[],
	atOpening: ReadonlyMap<string, number>
): RecallProgress | null {
	const first = notices[0];
	if (!first) return null;
	const sorted = [...steps].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
	let unitsAffected = 0;
	let unitsAccounted = 0;
	const lots = new Map<string, SupplierLot>();
	const items = [...notices]
		.sort(
			(a, b) => a.districtId.localeCompare(b.districtId) || a.merchantId.localeCompare(b.merchantId)
		)
		.map((n) => {
			for (const l of n.lots) lots.set(JSON.stringify(l), l);
			const mine = sorted.filter((s) => s.merchantId === n.merchantId);
			const acknowledgedAt = mine.find((s) => s.kind === 'acknowledged')?.occurredAt ?? null;
			const closedAt = lastOf(mine, (s) => s.kind === 'closed')?.occurredAt ?? null;
			const lotRows = n.merchantLotIds.map((lotId) => {
				const answer = lastOf(mine, (s) => s.kind === 'lot_accounted' && s.lotId === lotId);
				const held = atOpening.get(`${n.merchantId}|${lotId}`) ?? 0;
				unitsAffected += held;
				if (answer) unitsAccounted += held;
				return {
					lotId,
					atOpening: held,
					pulled: answer?.pulled ?? 0,
					disposition: answer?.disposition ?? null
				};
			});
			const allAccounted =
				lotRows.length > 0 ? lotRows.every((l) => l.disposition !== null) : acknowledgedAt !== null;
			return {
				merchantId: n.merchantId,
				merchantName: n.merchantName,
				districtId: n.districtId,
				acknowledgedAt,
				closedAt,
				lots: lotRows,
				done: allAccounted || closedAt !== null
			};
		});
	const closedAts = items.map((i) => i.closedAt);
	return {
		recallId: first.recallId,
		title: first.title,
		level: first.level,
		reason: first.reason,
		openedAt: notices.map((n) => n.openedAt).sort()[0] ?? first.openedAt,
		closedAt: closedAts.every((c) => c !== null) ? ([...closedAts].sort().at(-1) ?? null) : null,
		merchants: items.length,
		merchantsDone: items.filter((i) => i.done).length,
		unitsAffected: Math.round(unitsAffected * 1000) / 1000,
		unitsAccounted: Math.round(unitsAccounted * 1000) / 1000,
		lots: [...lots.values()],
		items
	};
}

function lastOf<T>(list: readonly T[], test: (t: T) => boolean): T | undefined {
	for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return list[i];
	return undefined;
}

/**
 * How far a recall is, 0–100: by units when the lots held any at the opening, else by merchants
 * (a recall of lots already sold out is done when every shop has answered).
 */
export function recallPercent(p: {
	unitsAffected: number;
	unitsAccounted: number;
	merchants: number;
	merchantsDone: number;
}): number {
	if (p.unitsAffected > 0) return Math.floor((p.unitsAccounted / p.unitsAffected) * 100);
	return p.merchants > 0 ? Math.floor((p.merchantsDone / p.merchants) * 100) : 100;
}
