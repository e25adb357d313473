import { z } from 'zod';
import { districtId, entityId } from './ids';
import { isoInstant } from './events/common';

export const alertSeverity = z.enum(['critical', 'high', 'medium', 'low']);
export type AlertSeverity = z.infer<typeof alertSeverity>;
export const alertSeverities = alertSeverity.options;

export const alertStatus = z.enum(['open', 'acknowledged', 'closed', 'dismissed']);

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
	'ledger_batch_entered'
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
	updatedAt: isoInstant
});
export type Alert = z.infer<typeof alert>;

/** What a rule returns: the alert before it has a status and timestamps. */
export type AlertDraft = Pick<
	Alert,
	'rule' | 'severity' | 'merchantId' | 'districtId' | 'facts' | 'evidence'
> & { period: string };

export function alertId(draft: Pick<AlertDraft, 'rule' | 'merchantId' | 'period'>): string {
	return `${draft.rule}:${draft.merchantId}:${draft.period}`;
}

export function emptySeverityCounts(): Record<AlertSeverity, number> {
	return { critical: 0, high: 0, medium: 0, low: 0 };
}
