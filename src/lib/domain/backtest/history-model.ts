import type { Scorer } from './scorers';

/**
 * A risk model built only from a LIVES history, so the backtest does not lean on the product's
 * own risk model; an adapter to that model can replace this file's scorer later.
 *
 * Weights were set by hand on the San Francisco window 2016-07-01 … 2016-12-31 and left alone
 * for the later windows the README reports.
 */
export const HISTORY_MODEL_WEIGHTS = {
	/** Half-life of a finding's weight, in days. */
	halfLifeDays: 365,
	criticalFinding: 1,
	/** Tuning gave minor findings no weight beyond what the last score already carries. */
	otherFinding: 0,
	/** Per point the last score fell below 100. */
	lastScoreDeficit: 0.1,
	/** Per year since the last visit: a long gap lets a kitchen slip. */
	yearsSinceLastVisit: 0.3,
	complaintInspection: 0.5,
	/** A business the feed has never seen: new kitchens are found wanting more often. */
	noHistory: 1.2
} as const;

export type HistoryModelWeights = { [K in keyof typeof HISTORY_MODEL_WEIGHTS]: number };

export function historyModelScorer(w: HistoryModelWeights = HISTORY_MODEL_WEIGHTS): Scorer {
	return {
		name: 'model',
		score(_id, past, day) {
			const last = past.at(-1);
			if (!last) return w.noHistory;
			let score = 0;
			for (const v of past) {
				const decay = Math.pow(0.5, (day - v.day) / w.halfLifeDays);
				score +=
					decay * (w.criticalFinding * v.criticalFindings + w.otherFinding * v.otherFindings);
				if (v.types.includes('complaint')) score += decay * w.complaintInspection;
			}
			const lastScored = [...past].reverse().find((v) => v.score !== null);
			if (lastScored?.score != null) score += w.lastScoreDeficit * (100 - lastScored.score);
			score += (w.yearsSinceLastVisit * (day - last.day)) / 365;
			return score;
		}
	};
}
