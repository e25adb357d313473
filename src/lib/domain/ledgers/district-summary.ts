import type { Completeness } from '../registry/read-model';
import { percent } from './completeness';
import { ledgerKinds } from './morning-check';

export interface KindSummary {
	kind: string;
	/** Merchants owing it today. */
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
 * Completeness per district from the read API's rollup: per kind today and over the finished
 * days of the window, late entries, and the daily trend. A day's owed count is the merchants
 * of today's register that were registered by that day (a merchant closed since is not counted
 * on its past days: the register keeps no history of status yet).
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
		const owedRows = c.owed.filter((o) => o.districtId === districtId);
		const owedOn = (day: string, kind: string) =>
			owedRows
				.filter((o) => o.kind === kind && (o.since === '' || o.since <= day))
				.reduce((sum, o) => sum + o.owed, 0);
		const rows = c.days.filter((d) => d.districtId === districtId);
		const kept = (day: string, kind: string) =>
			rows.find((r) => r.day === day && r.kind === kind)?.kept ?? 0;
		const closed = days.filter((d) => d < today);
		const kinds = ledgerKinds
			.filter(({ kind }) => owedRows.some((o) => o.kind === kind && o.owed > 0))
			.map(({ kind }): KindSummary => {
				const n = owedOn(today, kind);
				const keptOn = (d: string) => Math.min(kept(d, kind), owedOn(d, kind));
				return {
					kind,
					owed: n,
					keptToday: kept(today, kind),
					today: percent(keptOn(today), n),
					window: percent(
						closed.reduce((sum, d) => sum + keptOn(d), 0),
						closed.reduce((sum, d) => sum + owedOn(d, kind), 0)
					)
				};
			});
		return {
			districtId,
			kinds,
			entries: rows.reduce((sum, r) => sum + r.entries, 0),
			late: rows.reduce((sum, r) => sum + r.late, 0),
			trend: days.map((day) => ({
				day,
				share: percent(
					kinds.reduce((sum, k) => sum + Math.min(kept(day, k.kind), owedOn(day, k.kind)), 0),
					kinds.reduce((sum, k) => sum + owedOn(day, k.kind), 0)
				)
			}))
		};
	});
}
