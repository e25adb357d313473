import { z } from 'zod';
import { districtId, entityId } from '../ids';
import { grade } from './random-draw';
import { stableHex } from './task-ids';

/**
 * A published random draw (双随机一公开): what it was drawn from and with what seed, so anyone can
 * run `drawInspections` again and check it; and the task each pick became.
 */
export const publishedDraw = z.object({
	drawId: entityId,
	districtIds: z.array(districtId).min(1),
	count: z.number().int().min(1),
	seed: z.string().min(1).max(200),
	weights: z.record(grade, z.number()),
	candidatesDigest: z.string(),
	candidateCount: z.number().int(),
	dueAt: z.iso.datetime({ offset: true }),
	picks: z.array(
		z.object({
			merchantId: entityId,
			districtId,
			grade,
			inspectors: z.array(z.string()),
			taskId: entityId
		})
	),
	unstaffed: z.array(z.string()),
	publishedAt: z.iso.datetime({ offset: true }),
	publishedBy: z.string()
});
export type PublishedDraw = z.infer<typeof publishedDraw>;

/**
 * A draw's id, fixed by what decides it: the same districts, count, seed and candidates are the
 * same draw, so publishing it twice publishes it once.
 */
export function drawIdOf(d: {
	districtIds: readonly string[];
	count: number;
	seed: string;
	candidatesDigest: string;
}): string {
	return `draw-${stableHex([[...d.districtIds].sort().join(','), d.count, d.seed, d.candidatesDigest].join('|'))}`;
}
