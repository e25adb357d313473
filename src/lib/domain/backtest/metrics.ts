import type { Day } from './lives';
import type { Scored } from './replay';

/** The Chicago-style figures for one scorer; null where a figure is undefined (no critical ones). */
export type Metrics = {
	meanDaysEarlier: number | null;
	medianDaysEarlier: number | null;
	shareFirstHalf: number | null;
	auc: number | null;
	precisionAt10pct: number | null;
};

/**
 * Score order, highest first. Ties keep the real order (day, then business), so a scorer that
 * cannot tell inspections apart neither gains nor loses days.
 */
export function rankByScore(items: readonly Scored[], scorer: string): Scored[] {
	const s = (x: Scored) => x.scores[scorer] ?? Number.NEGATIVE_INFINITY;
	return [...items].sort(
		(a, b) =>
			s(b) - s(a) ||
			a.day - b.day ||
			(a.businessId < b.businessId ? -1 : a.businessId > b.businessId ? 1 : 0)
	);
}

/**
 * Chicago's reordering: the same inspections, and the same number on each real day, but handed
 * out to those days in score order. Returns each inspection with the day it would have had.
 */
export function reorder(items: readonly Scored[], scorer: string): { item: Scored; day: Day }[] {
	const slots = items.map((x) => x.day).sort((a, b) => a - b);
	return rankByScore(items, scorer).map((item, i) => ({ item, day: slots[i] as Day }));
}

/** Real day minus reordered day, for each inspection that found something critical. */
export function daysEarlier(items: readonly Scored[], scorer: string): number[] {
	return reorder(items, scorer)
		.filter((r) => r.item.critical)
		.map((r) => r.item.day - r.day);
}

export function mean(xs: readonly number[]): number | null {
	return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

export function median(xs: readonly number[]): number | null {
	if (!xs.length) return null;
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Share of the critical inspections that land in the first half of [from, to] once reordered.
 * The first half is the first floor(length / 2) days, so an odd window's middle day is second-half.
 */
export function shareFirstHalf(
	items: readonly Scored[],
	scorer: string,
	from: Day,
	to: Day
): number | null {
	const critical = reorder(items, scorer).filter((r) => r.item.critical);
	if (!critical.length) return null;
	const firstHalfEnd = from + Math.floor((to - from + 1) / 2);
	return critical.filter((r) => r.day < firstHalfEnd).length / critical.length;
}

/** Mann–Whitney AUC: the chance a critical inspection outscores a clean one, ties counting half. */
export function auc(items: readonly Scored[], scorer: string): number | null {
	const s = (x: Scored) => x.scores[scorer] ?? Number.NEGATIVE_INFINITY;
	const sorted = [...items].sort((a, b) => s(a) - s(b));
	let positives = 0;
	let rankSum = 0;
	let i = 0;
	while (i < sorted.length) {
		let j = i;
		while (j < sorted.length && s(sorted[j] as Scored) === s(sorted[i] as Scored)) j++;
		// Ranks i+1 … j share their average.
		const avgRank = (i + 1 + j) / 2;
		for (let k = i; k < j; k++) {
			if ((sorted[k] as Scored).critical) {
				positives++;
				rankSum += avgRank;
			}
		}
		i = j;
	}
	const negatives = sorted.length - positives;
	if (!positives || !negatives) return null;
	return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Critical share of the top ceil(fraction × n) inspections in score order. */
export function precisionAt(
	items: readonly Scored[],
	scorer: string,
	fraction: number
): number | null {
	if (!items.length) return null;
	const k = Math.ceil(items.length * fraction);
	return (
		rankByScore(items, scorer)
			.slice(0, k)
			.filter((x) => x.critical).length / k
	);
}

export function evaluate(items: readonly Scored[], scorer: string, from: Day, to: Day): Metrics {
	const earlier = daysEarlier(items, scorer);
	return {
		meanDaysEarlier: mean(earlier),
		medianDaysEarlier: median(earlier),
		shareFirstHalf: shareFirstHalf(items, scorer, from, to),
		auc: auc(items, scorer),
		precisionAt10pct: precisionAt(items, scorer, 0.1)
	};
}
