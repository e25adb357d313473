import type { z } from 'zod';
import { DEFAULT_TIME_ZONE } from '../time';
import { dynamicFactors } from './risk-dynamic';
import { round1, staticFactors, type RiskFactor } from './risk-factors';
import type { RiskInputs } from './risk-inputs';
import type { riskResult } from './risk-result';
import type { RiskGrade, RiskSettings } from './risk-settings';

/**
 * 0–100 (higher is riskier, one decimal, the sum of the factors' points capped at 100), its
 * grade, the settings version that produced it, the static part alone (what a merchant without
 * history scores), and every factor that added points: static ones first, in a fixed order.
 */
export type RiskResult = z.infer<typeof riskResult>;

/**
 * A merchant's risk at an instant, with the factors that explain it. Pure and deterministic:
 * the same inputs, settings and instant give the same result, so a score can be recomputed
 * and checked against its history.
 */
export function scoreMerchant(
	inputs: RiskInputs,
	settings: RiskSettings,
	at: number,
	timeZone = DEFAULT_TIME_ZONE
): RiskResult {
	const stat = staticFactors(inputs, settings);
	const factors = [...stat, ...dynamicFactors(inputs, settings, { at, timeZone })];
	const score = round1(Math.min(100, sum(factors)));
	return {
		score,
		grade: gradeOf(score, settings),
		settingsVersion: settings.version,
		staticScore: round1(Math.min(100, sum(stat))),
		factors
	};
}

const sum = (factors: readonly RiskFactor[]) => factors.reduce((n, f) => n + f.points, 0);

/**
 * The grade of a score. Each band's upper edge belongs to it (as in the scheme: "0–30（含）"
 * is A): score ≤ aMax is A, ≤ bMax is B, ≤ cMax is C, anything above is D.
 */
export function gradeOf(score: number, settings: Pick<RiskSettings, 'bands'>): RiskGrade {
	const { aMax, bMax, cMax } = settings.bands;
	if (score <= aMax) return 'A';
	if (score <= bMax) return 'B';
	if (score <= cMax) return 'C';
	return 'D';
}

/** Routine inspections a year a grade implies. */
export function inspectionsPerYear(
	grade: RiskGrade,
	settings: Pick<RiskSettings, 'inspectionsPerYear'>
): number {
	return settings.inspectionsPerYear[grade];
}

/** What a merchant can fix to lower its score, the largest gain first ("what to fix"). */
export function improvements(result: Pick<RiskResult, 'factors'>): RiskFactor[] {
	return result.factors
		.filter((f) => f.actionable && f.points > 0)
		.sort((a, b) => b.points - a.points || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
