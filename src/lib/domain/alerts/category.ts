import type { AlertCategory, AlertRule } from '../alert';

/** The category of every rule: a new rule does not compile until it has one. */
export const ruleCategory: Record<AlertRule, AlertCategory> = {
	expired_lot_sold: 'stock',
	licence_expired: 'licence',
	licence_expiring: 'licence',
	health_certificate_expired: 'licence',
	health_certificate_expiring: 'licence',
	staff_without_valid_certificate: 'licence',
	morning_check_missing: 'ledger',
	sample_retention_inadequate: 'ledger',
	disinfection_too_short: 'ledger',
	disinfection_missing: 'ledger',
	sample_missing: 'ledger',
	ledger_identical_temperatures: 'ledger',
	ledger_backfilled: 'ledger',
	ledger_batch_entered: 'ledger',
	ai_detection: 'ai',
	complaint_filed: 'complaint',
	inspection_failed: 'inspection',
	sensor_out_of_range: 'device',
	camera_offline: 'device'
};

/** The source of a rule's alert when the draft names none: the rule itself. */
export function defaultSource(rule: AlertRule): string {
	return `rule:${rule}`;
}
