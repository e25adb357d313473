import { z } from 'zod';
import { riskGrades } from '../risk/risk-settings';

const count = z.number().int().nonnegative();
const gradeCounts = z.record(z.enum(riskGrades), count);

/**
 * One district's figures for the wall: what the map colours its polygon by (the chosen
 * indicator) and the grade mix panel. `ledgerCompleteness` is today's share (0–1) of owed
 * ledgers kept, null when nothing is owed yet.
 */
export const districtStat = z.object({
	id: z.string(),
	merchants: count,
	openAlerts: count,
	ledgerCompleteness: z.number().min(0).max(1).nullable(),
	grades: gradeCounts
});
export type DistrictStat = z.infer<typeof districtStat>;
