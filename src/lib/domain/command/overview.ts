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

/** A top-risk merchant with the factors that weigh most (the wall shows why in one line). */
export const topRiskItem = z.object({
	merchantId: z.string(),
	name: z.string(),
	districtId: z.string(),
	businessType: z.string(),
	score: z.number(),
	grade: z.enum(riskGrades),
	factors: z
		.array(
			z.object({
				id: z.string(),
				points: z.number(),
				facts: z.record(z.string(), z.union([z.string(), z.number()]))
			})
		)
		.max(3)
});
export type TopRiskItem = z.infer<typeof topRiskItem>;

export const wallTask = z.object({
	id: z.string(),
	merchantId: z.string(),
	merchantName: z.string(),
	districtId: z.string(),
	kind: z.string(),
	status: z.string(),
	dueAt: z.string(),
	overdue: z.boolean()
});
export type WallTask = z.infer<typeof wallTask>;

const share = z.number().min(0).max(1).nullable();

/**
 * Everything of the wall that is not in the live room, for one scope (the viewer's, or one
 * district of it): the KPI tiles, the districts' figures, the daily trends, the minute series by
 * family, the top-risk list and the task panel. Fetched on start and again every few seconds;
 * the room's deltas move the live counters in between.
 */
export const commandOverview = z.object({
	/** When the processor computed it (epoch ms): the panels' "updated" clock. */
	at: z.number(),
	/** Today in the districts' time zone, YYYY-MM-DD. */
	day: z.string(),
	kpis: z.object({
		merchants: count,
		licencesValid: count,
		/** Merchants trading with a valid (or soon expiring) licence, of all registered. */
		licencesValidShare: share,
		ledgerToday: share,
		openAlerts: z.record(z.string(), count),
		overdueAlerts: count,
		alertsRaisedToday: count,
		alertsClosedToday: count,
		inspectionsToday: count,
		inspectionsFailedToday: count,
		complaintsToday: count
	}),
	districts: z.array(districtStat),
	topRisk: z.array(topRiskItem).max(20),
	/** The last 14 days, oldest first. */
	days: z.array(z.object({ day: z.string(), ledger: share, opened: count, closed: count })),
	/** The last 60 minutes by event family, oldest first: [minute start epoch ms, counts]. */
	minutes: z.array(z.tuple([z.number(), z.record(z.string(), count)])).max(120),
	tasks: z.object({
		inProgress: count,
		open: count,
		overdue: count,
		/** In progress first, then overdue, then the soonest due. */
		items: z.array(wallTask).max(12)
	})
});
export type CommandOverview = z.infer<typeof commandOverview>;
