import { z } from 'zod';
import { createRng, hash32 } from '../rng';

/**
 * 双随机一公开: inspection targets drawn at random (weighted by risk grade, so riskier shops come
 * up more often but every shop can), inspectors drawn at random from the district's pool, and the
 * draw published. Reproducible: the same candidates, weights and seed give the same draw, so
 * anyone holding the published record can check it was not arranged.
 */

export const grade = z.enum(['A', 'B', 'C', 'D']);
export type Grade = z.infer<typeof grade>;

/** How much more likely a grade is drawn than grade A (a setting; these are the defaults). */
export const DEFAULT_DRAW_WEIGHTS: Record<Grade, number> = { A: 1, B: 2, C: 4, D: 8 };

export interface DrawCandidate {
	merchantId: string;
	districtId: string;
	grade: Grade;
}

export interface DrawInspector {
	username: string;
	districtIds: readonly string[];
}

export interface DrawRequest {
	candidates: readonly DrawCandidate[];
	inspectors: readonly DrawInspector[];
	/** How many targets to draw. */
	count: number;
	/** Public seed material, e.g. the plan's id and date with a published number. */
	seed: string;
	weights?: Record<Grade, number>;
	/** Inspectors per target: two, so nobody inspects alone (执法人员不少于两人). */
	perTarget?: number;
}

export interface DrawPick {
	merchantId: string;
	districtId: string;
	grade: Grade;
	inspectors: string[];
}

export interface DrawRecord {
	seed: string;
	weights: Record<Grade, number>;
	/** A digest of the candidate list, so a published draw names what it was drawn from. */
	candidatesDigest: string;
	candidateCount: number;
	picks: DrawPick[];
	/** Targets drawn whose district had too few inspectors: named, never silently dropped. */
	unstaffed: string[];
}

export class DrawError extends Error {
	override name = 'DrawError';
}

/**
 * Draws `count` targets without replacement, each with probability proportional to its grade's
 * weight (Efraimidis–Spirakis: key u^(1/w), highest keys win), then gives each target
 * `perTarget` different inspectors of its district, spreading the work evenly (a shuffled pool,
 * taken in turn). Candidates are sorted by id first, so their order in the input does not matter.
 */
export function drawInspections(req: DrawRequest): DrawRecord {
	const weights = req.weights ?? DEFAULT_DRAW_WEIGHTS;
	const perTarget = req.perTarget ?? 2;
	if (!Number.isInteger(req.count) || req.count < 0) throw new DrawError('count must be ≥ 0');
	if (Object.values(weights).some((w) => !(w > 0))) throw new DrawError('weights must be > 0');
	const candidates = [...req.candidates].sort((a, b) => cmp(a.merchantId, b.merchantId));
	const rng = createRng(`draw:${req.seed}`);
	const keyed = candidates.map((c) => ({
		c,
		key: Math.log(1 - rng.next()) / (weights[c.grade] ?? 1)
	}));
	keyed.sort((a, b) => b.key - a.key || cmp(a.c.merchantId, b.c.merchantId));
	const drawn = keyed.slice(0, Math.min(req.count, keyed.length)).map((k) => k.c);

	const pools = new Map<string, { names: string[]; next: number }>();
	const poolOf = (districtId: string) => {
		let pool = pools.get(districtId);
		if (!pool) {
			const names = req.inspectors
				.filter((i) => i.districtIds.includes(districtId))
				.map((i) => i.username)
				.sort(cmp);
			pool = { names: shuffle(names, createRng(`draw:${req.seed}:${districtId}`)), next: 0 };
			pools.set(districtId, pool);
		}
		return pool;
	};
	const picks: DrawPick[] = [];
	const unstaffed: string[] = [];
	for (const c of drawn) {
		const pool = poolOf(c.districtId);
		if (pool.names.length < perTarget) {
			unstaffed.push(c.merchantId);
			continue;
		}
		const inspectors: string[] = [];
		for (let i = 0; i < perTarget; i++) {
			inspectors.push(pool.names[pool.next % pool.names.length] as string);
			pool.next++;
		}
		picks.push({ ...c, inspectors });
	}
	return {
		seed: req.seed,
		weights,
		candidatesDigest: digest(candidates),
		candidateCount: candidates.length,
		picks,
		unstaffed
	};
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function shuffle<T>(items: T[], rng: ReturnType<typeof createRng>): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = rng.int(0, i);
		[out[i], out[j]] = [out[j] as T, out[i] as T];
	}
	return out;
}

function digest(candidates: readonly DrawCandidate[]): string {
	const text = candidates.map((c) => `${c.merchantId}:${c.districtId}:${c.grade}`).join('\n');
	return [hash32(text), hash32(`salt\n${text}`)]
		.map((h) => h.toString(16).padStart(8, '0'))
		.join('');
}
