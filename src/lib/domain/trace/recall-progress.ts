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
 * A recall's progress from its notices and the merchants' answers. The units affected are what the
 * lots held when the recall opened (`atOpening`, key `merchantId|lotId`). Every report on a lot
 * pulls its own units off the shelf (each is its own recall_pull movement), so a lot's pulled is
 * the sum of its reports, and its units accounted are that sum up to what it held. A lot is
 * accounted when the pulls cover what it held or the shop's latest report says none left (its
 * units stay unaccounted: the percentage shows them missing); a merchant is done
 * when every lot of its notice is (or the recall was closed for it; a notice without lots is done
 * once read). The disposition shown is the latest report's.
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
				const reports = mine.filter((s) => s.kind === 'lot_accounted' && s.lotId === lotId);
				const held = atOpening.get(`${n.merchantId}|${lotId}`) ?? 0;
				const pulled = reports.reduce((sum, r) => sum + r.pulled, 0);
				unitsAffected += held;
				unitsAccounted += Math.min(held, pulled);
				const latest = reports.at(-1);
				const accounted =
					latest !== undefined && (pulled >= held || latest.disposition === 'none_left');
				return {
					row: {
						lotId,
						atOpening: held,
						pulled: Math.round(pulled * 1000) / 1000,
						disposition: latest?.disposition ?? null
					},
					accounted
				};
			});
			const allAccounted =
				lotRows.length > 0 ? lotRows.every((l) => l.accounted) : acknowledgedAt !== null;
			return {
				merchantId: n.merchantId,
				merchantName: n.merchantName,
				districtId: n.districtId,
				acknowledgedAt,
				closedAt,
				lots: lotRows.map((l) => l.row),
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
