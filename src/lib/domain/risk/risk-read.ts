import { z } from 'zod';
import { riskGrades, riskSettings } from './risk-settings';

/** A merchant's grade over time (the read API's risk history), newest first. */
export const riskHistory = z.object({
	items: z.array(
		z.object({
			scoredAt: z.string(),
			score: z.number(),
			grade: z.enum(riskGrades),
			settingsVersion: z.number().int().positive(),
			cause: z.enum(['event', 'clock', 'settings'])
		})
	)
});
export type RiskHistory = z.infer<typeof riskHistory>;

/** The settings in force and every change before, newest first (the admin's risk page). */
export const riskSettingsView = z.object({
	current: riskSettings,
	/** Merchants graded under each settings version (a rescore's progress), by version. */
	graded: z.record(z.string(), z.number().int().nonnegative()),
	/** Merchants waiting for a rescore. */
	pending: z.number().int().nonnegative(),
	changes: z.array(
		z.object({
			version: z.number().int().positive(),
			reason: z.string(),
			actorId: z.string(),
			at: z.string()
		})
	)
});
export type RiskSettingsView = z.infer<typeof riskSettingsView>;
