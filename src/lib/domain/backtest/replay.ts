import type { Day } from './lives';
import type { Visit } from './history';
import type { Scorer } from './scorers';

/** One inspection in the test window, with every scorer's score from the morning of its day. */
export type Scored = {
	businessId: string;
	day: Day;
	critical: boolean;
	scores: Record<string, number>;
};

/**
 * Replays history in time order. Each inspection in [from, to] is scored with the visits of its
 * business strictly before its day: what was known that morning, nothing from the day itself.
 */
export function replay(
	visits: readonly Visit[],
	from: Day,
	to: Day,
	scorers: readonly Scorer[]
): Scored[] {
	const sorted = [...visits].sort((a, b) => a.day - b.day);
	const past = new Map<string, Visit[]>();
	const out: Scored[] = [];
	let i = 0;
	while (i < sorted.length) {
		const day = (sorted[i] as Visit).day;
		let j = i;
		while (j < sorted.length && (sorted[j] as Visit).day === day) j++;
		const today = sorted.slice(i, j);
		if (day >= from && day <= to) {
			for (const v of today) {
				if (!v.inspected) continue;
				const before = past.get(v.businessId) ?? [];
				const scores: Record<string, number> = {};
				for (const s of scorers) scores[s.name] = s.score(v.businessId, before, day);
				out.push({ businessId: v.businessId, day, critical: v.criticalFindings > 0, scores });
			}
		}
		// Only after the whole day is scored does it become history.
		for (const v of today) {
			const list = past.get(v.businessId);
			if (list) list.push(v);
			else past.set(v.businessId, [v]);
		}
		i = j;
	}
	return out;
}
