import { staticOnly, type RiskInputs } from '../risk/risk-inputs';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from '../risk/risk-settings';
import { scoreMerchant } from '../risk/risk-score';
import type { Visit } from './history';
import type { Scorer } from './scorers';

const DAY_MS = 86_400_000;

/**
 * The product's risk model on a LIVES history: what the feed tells is its inspections (a score,
 * critical findings, complaint visits); everything else is unknown, so every business is scored
 * as a medium restaurant with a valid licence and no ledgers, sensors or sales. San Francisco's
 * scores map to the model's results by the city's own legend: 86+ adequate (合格), 71–85 needs
 * improvement (基本合格), 70 and below poor (不合格).
 */
export function productRiskScorer(settings: RiskSettings = DEFAULT_RISK_SETTINGS): Scorer {
	return {
		name: 'product',
		score: (_id, past, day) =>
			scoreMerchant(inputsOf(past, day), settings, day * DAY_MS, 'UTC').score
	};
}

function inputsOf(past: readonly Visit[], day: number): RiskInputs {
	const base = staticOnly({
		businessType: 'restaurant',
		scale: 'medium',
		licence: { kind: 'food_business', status: 'valid', validTo: '9999-12-31' }
	});
	return {
		...base,
		inspections: past
			.filter((v) => v.inspected || v.criticalFindings > 0)
			.map((v) => ({
				at: v.day * DAY_MS,
				result: resultOf(v.score),
				criticalFindings: v.criticalFindings
			})),
		complaints: past
			.filter((v) => v.types.includes('complaint') && v.day < day)
			.map((v) => ({ at: v.day * DAY_MS, category: 'hygiene' as const }))
	};
}

function resultOf(score: number | null): RiskInputs['inspections'][number]['result'] {
	if (score === null) return 'rectify';
	if (score >= 86) return 'pass';
	return score >= 71 ? 'rectify' : 'fail';
}
