import { z } from 'zod';
import { riskFactorIds, type RiskFactorId } from './risk-factors';
import { riskGrades } from './risk-settings';

/**
 * A score as it leaves the processor (store rows, the read API, socket frames): parse it at
 * those boundaries like any other message. `RiskResult` is this schema's type.
 */
export const riskFactor = z.object({
	id: z.enum(riskFactorIds as [RiskFactorId, ...RiskFactorId[]]),
	part: z.enum(['static', 'dynamic']),
	actionable: z.boolean(),
	points: z.number().min(0).max(100),
	facts: z.record(z.string(), z.union([z.string(), z.number()]))
});

export const riskResult = z.object({
	score: z.number().min(0).max(100),
	grade: z.enum(riskGrades),
	settingsVersion: z.number().int().positive(),
	staticScore: z.number().min(0).max(100),
	factors: z.array(riskFactor).max(riskFactorIds.length)
});
