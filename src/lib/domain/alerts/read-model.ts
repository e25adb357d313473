import { z } from 'zod';
import { alert, alertCategory, alertRule, alertSeverity, alertStatus } from '../alert';
import { storedEvent } from '../read-model';

/** Shapes of the alert centre's read API (the web parses them like any other input). */

export const alertPage = z.object({ items: z.array(alert), total: z.number().int() });
export type AlertPage = z.infer<typeof alertPage>;

/** One version of an alert as `alert_history` keeps it, with who made the step (if stored). */
export const alertHistoryEntry = z.object({
	status: alertStatus,
	updatedAt: z.string(),
	deadline: z.string().nullable(),
	verifiedHow: z.string(),
	reason: z.string(),
	escalatedAuto: z.boolean(),
	/** The lifecycle event of this step ('' for the raise). */
	lastEventId: z.string(),
	actorKind: z.string(),
	actorId: z.string()
});
export type AlertHistoryEntry = z.infer<typeof alertHistoryEntry>;

export const alertDetail = z.object({
	alert,
	/** Every version, oldest first. */
	history: z.array(alertHistoryEntry),
	/** The events that caused it, oldest first (those the store holds), without their payloads. */
	evidence: z.array(storedEvent.omit({ payload: true }))
});
export type AlertDetail = z.infer<typeof alertDetail>;

/** What the command screen and the alert centre's header show, within the reader's scope. */
export const alertCounts = z.object({
	/** Active alerts (neither closed nor dismissed), per severity. */
	openBySeverity: z.partialRecord(alertSeverity, z.number().int()),
	/** Every alert, per current status. */
	byStatus: z.partialRecord(alertStatus, z.number().int()),
	/** Active alerts per category. */
	byCategory: z.partialRecord(alertCategory, z.number().int()),
	/** Active alerts whose SLA has run out. */
	overdue: z.number().int(),
	/** Closed today, on the districts' clock. */
	closedToday: z.number().int()
});
export type AlertCounts = z.infer<typeof alertCounts>;

/**
 * Per rule or source: how many alerts it raised, how many were dismissed as false and how many
 * were closed (a confirmed, fixed problem). Precision is closed ÷ (closed + dismissed), the share
 * of judged alerts that were real; null until one has been judged.
 */
/** The active alerts of one rule, summed up (the alert centre's 按规则汇总). */
export const alertSummaryRow = z.object({
	rule: alertRule,
	category: z.string(),
	alerts: z.number().int().nonnegative(),
	merchants: z.number().int().nonnegative(),
	critical: z.number().int().nonnegative(),
	high: z.number().int().nonnegative(),
	medium: z.number().int().nonnegative(),
	low: z.number().int().nonnegative(),
	overdue: z.number().int().nonnegative(),
	oldest: z.string(),
	newest: z.string()
});
export type AlertSummaryRow = z.infer<typeof alertSummaryRow>;
export const alertSummary = z.object({ items: z.array(alertSummaryRow) });

export const precisionRow = z.object({
	key: z.string(),
	raised: z.number().int(),
	dismissed: z.number().int(),
	closed: z.number().int(),
	precision: z.number().min(0).max(100).nullable()
});
export type PrecisionRow = z.infer<typeof precisionRow>;
export const alertPrecision = z.object({
	byRule: z.array(precisionRow),
	bySource: z.array(precisionRow)
});
export type AlertPrecision = z.infer<typeof alertPrecision>;

/** Precision in percent with one decimal, or null when nothing was judged yet. */
export function precisionPercent(closed: number, dismissed: number): number | null {
	const judged = closed + dismissed;
	return judged === 0 ? null : Math.round((closed / judged) * 1000) / 10;
}
