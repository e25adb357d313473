import { z } from 'zod';
import { districtId, entityId } from './ids';
import { isoInstant } from './events/common';

export const alertSeverity = z.enum(['critical', 'high', 'medium', 'low']);
export type AlertSeverity = z.infer<typeof alertSeverity>;
export const alertSeverities = alertSeverity.options;

/** The lifecycle's states (issue 5); `open` is a new alert. Transitions: alerts/lifecycle.ts. */
export const alertStatus = z.enum([
	'open',
	'acknowledged',
	'notified',
	'fix_reported',
	'verified',
	'closed',
	'escalated',
	'dismissed'
]);
export type AlertStatus = z.infer<typeof alertStatus>;

/** What an alert is about, for filters and per-source precision reports. */
export const alertCategory = z.enum([
	'ledger',
	'licence',
	'stock',
	'device',
	'complaint',
	'inspection',
	'ai'
]);
export type AlertCategory = z.infer<typeof alertCategory>;

export const alertRule = z.enum([
	'expired_lot_sold',
	'licence_expired',
	'licence_expiring',
	'health_certificate_expired',
	'health_certificate_expiring',
	'staff_without_valid_certificate',
	'morning_check_missing',
	'sample_retention_inadequate',
	'disinfection_too_short',
	'disinfection_missing',
	'sample_missing',
	'ledger_identical_temperatures',
	'ledger_backfilled',
	'ledger_batch_entered',
	'ai_detection',
	'complaint_filed',
	'inspection_failed',
	'sensor_out_of_range',
	'camera_offline'
]);
export type AlertRule = z.infer<typeof alertRule>;

/** Facts the UI renders into a sentence per rule (i18n), never pre-rendered text. */
export const alertFacts = z.record(z.string(), z.union([z.string(), z.number()]));

export const alert = z.object({
	/** `<rule>:<merchantId>:<period>`: one open alert per merchant, rule and period. */
	id: z.string().min(1).max(200),
	rule: alertRule,
	severity: alertSeverity,
	status: alertStatus,
	merchantId: entityId,
	districtId,
	merchantName: z.string().max(100),
	facts: alertFacts,
	/** Ids of the events that caused it. */
	evidence: z.array(z.uuid()).max(50),
	raisedAt: isoInstant,
	updatedAt: isoInstant,
	// The lifecycle (issue 5). Optional: rows and messages written before it still parse.
	category: alertCategory.optional(),
	/** Who raised it (`rule:<rule>`, `ai:<sourceId>`): floods are grouped per source. */
	source: z.string().max(120).optional(),
	groupId: z.string().max(200).optional(),
	/** When the current step's SLA runs out (acknowledge, or fix by the deadline); null: none. */
	slaDueAt: isoInstant.nullable().optional(),
	/** 整改 deadline given with the rectification notice. */
	deadline: isoInstant.nullable().optional(),
	notice: z.string().max(1_000).optional(),
	fixNote: z.string().max(1_000).optional(),
	fixAttachmentIds: z.array(z.string().max(100)).max(20).optional(),
	verifiedHow: z.enum(['remote', 'visit']).optional(),
	/** Why it was escalated or dismissed (kept: the precision of each rule is reported from it). */
	reason: z.string().max(500).optional(),
	escalatedAuto: z.boolean().optional(),
	/** The lifecycle event that made this version ('' for a raise). */
	lastEventId: z.string().max(64).optional()
});
export type Alert = z.infer<typeof alert>;

/** What a rule returns: the alert before it has a status and timestamps. */
export type AlertDraft = Pick<
	Alert,
	'rule' | 'severity' | 'merchantId' | 'districtId' | 'facts' | 'evidence'
> & { period: string; source?: string };

export function alertId(draft: Pick<AlertDraft, 'rule' | 'merchantId' | 'period'>): string {
	return `${draft.rule}:${draft.merchantId}:${draft.period}`;
}

export function emptySeverityCounts(): Record<AlertSeverity, number> {
	return { critical: 0, high: 0, medium: 0, low: 0 };
}
