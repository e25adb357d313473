import type { Completeness } from '../registry/read-model';

export interface KeptOwed {
	kept: number;
	owed: number;
}

/**
 * Owed books kept, per district and day, from the read API's completeness rollup: the same
 * counting as the registry's district summary (a merchant owes its books from the day it was
 * registered; kept is capped by owed per kind), but as sums, so districts add up to a scope.
 */
export function keptAndOwed(c: Completeness, days: readonly string[]): Map<string, KeptOwed[]> {
	const kept = new Map<string, number>();
	for (const r of c.days) kept.set(`${r.districtId}|${r.day}|${r.kind}`, r.kept);
	const owedBy = new Map<string, { kind: string; since: string; owed: number }[]>();
	for (const o of c.owed) {
		const list = owedBy.get(o.districtId) ?? [];
		list.push(o);
		owedBy.set(o.districtId, list);
	}
	const out = new Map<string, KeptOwed[]>();
	for (const [districtId, owedRows] of owedBy) {
		const kinds = [...new Set(owedRows.map((o) => o.kind))];
		out.set(
			districtId,
			days.map((day) => {
				let k = 0;
				let n = 0;
				for (const kind of kinds) {
					const owed = owedRows
						.filter((o) => o.kind === kind && (o.since === '' || o.since <= day))
						.reduce((sum, o) => sum + o.owed, 0);
					n += owed;
					k += Math.min(kept.get(`${districtId}|${day}|${kind}`) ?? 0, owed);
				}
				return { kept: k, owed: n };
			})
		);
	}
	return out;
}

/** kept / owed as a 0–1 share, null when nothing is owed. */
export function shareOf({ kept, owed }: KeptOwed): number | null {
	return owed > 0 ? kept / owed : null;
}

/** The sum over districts, day by day. */
export function sumDays(perDistrict: Iterable<KeptOwed[]>, length: number): KeptOwed[] {
	const sums = Array.from({ length }, () => ({ kept: 0, owed: 0 }));
	for (const days of perDistrict) {
		days.forEach((d, i) => {
			const s = sums[i];
			if (!s) return;
			s.kept += d.kept;
			s.owed += d.owed;
		});
	}
	return sums;
}
