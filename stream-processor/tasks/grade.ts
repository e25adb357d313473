import type { RiskGrade } from '../../src/lib/domain/risk';
import { DEFAULT_RISK_SETTINGS } from '../../src/lib/domain/risk/risk-settings';
import { scoreMerchant } from '../../src/lib/domain/risk/risk-score';
import { localDay } from '../../src/lib/domain/time';
import { riskInputsOf } from '../risk/inputs';
import type { MerchantRecord } from '../state/merchant-state';

/**
 * A merchant's risk grade for the task centre (ordering, plans, draws): the ONE place that says
 * so. Until the processor keeps a scored grade per merchant, it scores from the state in memory
 * without the books' completeness (that needs a store read per merchant); switch this to the
 * stored grade when there is one.
 */
export function gradeOf(m: MerchantRecord, now: number, timeZone: string): RiskGrade {
	const today = localDay(now, timeZone);
	const inputs = riskInputsOf(m, { kept: 0, owed: 0, days: 0 }, today);
	return scoreMerchant(inputs, DEFAULT_RISK_SETTINGS, now, timeZone).grade;
}
