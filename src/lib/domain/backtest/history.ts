import type { Day, LivesInspection, LivesViolation } from './lives';

/** A visit to a business on one day: a scored inspection, or findings with no scored row. */
export type Visit = {
	businessId: string;
	day: Day;
	/** In inspections.csv; findings with no inspection row that day are history only. */
	inspected: boolean;
	/** Lowest score given that day; null when the feed has findings but no scored inspection. */
	score: number | null;
	/** Inspection types that day (`routine`, `complaint`, …); empty for findings alone. */
	types: string[];
	criticalFindings: number;
	otherFindings: number;
};

/** Is a finding critical? Cities mark severity differently, so this is the caller's choice. */
export type CriticalTest = (v: LivesViolation) => boolean;

/**
 * Default: a code or description that says "high risk" or "critical". San Francisco's feed has no
 * risk column; only its "High risk …" / "Other high risk violation" types carry the level.
 */
export const DEFAULT_CRITICAL_PATTERN = 'high risk|critical';

export function criticalByPattern(pattern: string): CriticalTest {
	const re = new RegExp(pattern, 'i');
	return (v) => re.test(`${v.code} ${v.description}`);
}

/**
 * Joins inspections and violations on (business, day), as LIVES links them. Duplicate rows of
 * one key become one visit; exact duplicate violation rows count once.
 */
export function buildVisits(
	inspections: readonly LivesInspection[],
	violations: readonly LivesViolation[],
	isCritical: CriticalTest
): Visit[] {
	const byKey = new Map<string, Visit>();
	const visit = (businessId: string, day: Day): Visit => {
		const key = `${businessId}|${day}`;
		let v = byKey.get(key);
		if (!v) {
			v = {
				businessId,
				day,
				inspected: false,
				score: null,
				types: [],
				criticalFindings: 0,
				otherFindings: 0
			};
			byKey.set(key, v);
		}
		return v;
	};
	for (const i of inspections) {
		const v = visit(i.business_id, i.date);
		v.inspected = true;
		if (i.score !== null) v.score = v.score === null ? i.score : Math.min(v.score, i.score);
		if (i.type && !v.types.includes(i.type)) v.types.push(i.type);
	}
	const seen = new Set<string>();
	for (const f of violations) {
		const key = `${f.business_id}|${f.date}|${f.code}|${f.description}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const v = visit(f.business_id, f.date);
		if (isCritical(f)) v.criticalFindings++;
		else v.otherFindings++;
	}
	return [...byKey.values()].sort(
		(a, b) =>
			a.day - b.day || (a.businessId < b.businessId ? -1 : a.businessId > b.businessId ? 1 : 0)
	);
}
