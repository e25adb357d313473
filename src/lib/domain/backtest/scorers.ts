import type { Day } from './lives';
import type { Visit } from './history';

/** What a scorer may see: one business's visits strictly before the morning it is scored. */
export type PastVisits = readonly Visit[];

/** Scores a business on the morning of `day`; higher means inspect sooner. */
export type Scorer = {
	name: string;
	score(businessId: string, past: PastVisits, day: Day): number;
};

/**
 * Random order, reproducible: the score hashes (seed, business, day), so it does not depend on
 * the order businesses are scored in.
 */
export function randomScorer(seed: number): Scorer {
	return {
		name: 'random',
		score: (businessId, _past, day) => hash01(`${seed}|${businessId}|${day}`)
	};
}

/** The baseline an inspector would use without a model: how many critical findings so far. */
export const pastFindingsScorer: Scorer = {
	name: 'pastFindings',
	score: (_id, past) => past.reduce((n, v) => n + v.criticalFindings, 0)
};

// FNV-1a then a murmur-style finaliser: cheap, stable across runs and platforms.
function hash01(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return (h >>> 0) / 0x1_0000_0000;
}
