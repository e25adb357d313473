import type { Completeness } from '../registry/read-model';
import { percent } from './completeness';
import { ledgerKinds } from './morning-check';

export interface KindSummary {
	kind: string;
	owed: number;
	/** Merchants that kept it today, and the share; null when nobody owes it. */
	keptToday: number;
	today: number | null;
	/** The share over the window's days before today (today is not over yet). */
	window: number | null;
}

export interface DistrictSummary {
	districtId: string;
	kinds: KindSummary[];
	entries: number;
	late: number;
	/** Every owed book of every merchant, kept or not, per day: the trend line. */
	trend: { day: string; share: number | null }[];
}

/**
 * Completeness per district from the read API's rollup: per kind today and over the closed days
 * of the window, late entries, and the daily trend. Owed counts are today's register, applied to
 * every day (a merchant registered mid-window counts as owing from the start: a known bias).
 */
export function summarize(
	c: Completeness,
	today: string,
	days: readonly string[]
): DistrictSummary[] {
	const districts = [
		...new Set([...c.owed.map((o) => o.districtId), ...c.days.map((d) => d.districtId)])
	].sort();
	return districts.map((districtId) => {
		const owed = new Map(
			c.owed.filter((o) => o.districtId === districtId).map((o) => [o.kind, o.owed])
		);
		const rows = c.days.filter((d) => d.districtId === districtId);
		const kept = (day: string, kind: string) =>
			rows.find((r) => r.day === day && r.kind === kind)?.kept ?? 0;
		const closed = days.filter((d) => d < today);
		const kinds = ledgerKinds
			.filter(({ kind }) => (owed.get(kind) ?? 0) > 0)
			.map(({ kind }): KindSummary => {
				const n = owed.get(kind) ?? 0;
				const keptClosed = closed.reduce((sum, d) => sum + Math.min(kept(d, kind), n), 0);
				return {
					kind,
					owed: n,
					keptToday: kept(today, kind),
					today: percent(Math.min(kept(today, kind), n), n),
					window: percent(keptClosed, n * closed.length)
				};
			});
		const owedPerDay = kinds.reduce((sum, k) => sum + k.owed, 0);
		return {
			districtId,
			kinds,
			entries: rows.reduce((sum, r) => sum + r.entries, 0),
			late: rows.reduce((sum, r) => sum + r.late, 0),
			trend: days.map((day) => ({
				day,
				share: percent(
					kinds.reduce((sum, k) => sum + Math.min(kept(day, k.kind), k.owed), 0),
					owedPerDay
				)
			}))
		};
	});
}
