import type { Day, LivesInspection, LivesViolation } from './lives';
import { buildVisits, criticalByPattern, DEFAULT_CRITICAL_PATTERN } from './history';
import { historyModelScorer } from './history-model';
import { evaluate, type Metrics } from './metrics';
import { replay } from './replay';
import { pastFindingsScorer, randomScorer, type Scorer } from './scorers';

export type BacktestOptions = {
	from: Day;
	to: Day;
	criticalPattern?: string;
	seed?: number;
	/** Defaults to the LIVES history model; the lead may pass an adapter to the product's model. */
	model?: Scorer;
};

export type BacktestResult = {
	inspections: number;
	critical: number;
	firstTimeBusinesses: number;
	metrics: { model: Metrics; random: Metrics; pastFindings: Metrics };
};

export class BacktestError extends Error {
	override name = 'BacktestError';
}

/** The whole backtest on parsed LIVES rows: replay, then the metrics for the three scorers. */
export function runBacktest(
	inspections: readonly LivesInspection[],
	violations: readonly LivesViolation[],
	o: BacktestOptions
): BacktestResult {
	if (o.from > o.to) throw new BacktestError('the test window ends before it starts');
	const visits = buildVisits(
		inspections,
		violations,
		criticalByPattern(o.criticalPattern ?? DEFAULT_CRITICAL_PATTERN)
	);
	const model = { ...(o.model ?? historyModelScorer()), name: 'model' };
	const scorers = [model, randomScorer(o.seed ?? 1), pastFindingsScorer];
	const scored = replay(visits, o.from, o.to, scorers);
	if (!scored.length) throw new BacktestError('no inspections in the test window');
	const seenBefore = new Set(visits.filter((v) => v.day < o.from).map((v) => v.businessId));
	return {
		inspections: scored.length,
		critical: scored.filter((s) => s.critical).length,
		firstTimeBusinesses: new Set(
			scored.filter((s) => !seenBefore.has(s.businessId)).map((s) => s.businessId)
		).size,
		metrics: {
			model: evaluate(scored, 'model', o.from, o.to),
			random: evaluate(scored, 'random', o.from, o.to),
			pastFindings: evaluate(scored, 'pastFindings', o.from, o.to)
		}
	};
}
