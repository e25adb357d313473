import { alertId, type Alert, type AlertDraft } from '../../src/lib/domain/alert';
import { defaultSource, ruleCategory } from '../../src/lib/domain/alerts/category';
import { alertGroupId } from '../../src/lib/domain/alerts/grouping';
import { defaultSlaPolicy, slaDue, type SlaPolicy } from '../../src/lib/domain/alerts/sla';
import type { MerchantRecord } from '../state/merchant-state';

/**
 * Turns drafts into new alerts, one alert per merchant, rule and period: a draft whose alert
 * exists in any status is dropped here, so a flood of expired sales of one lot is one alert, and
 * an alert closed or dismissed today is not reopened by the same day's rule.
 */
export function raiseAlerts(
	m: MerchantRecord,
	drafts: AlertDraft[],
	now: number,
	policy: SlaPolicy = defaultSlaPolicy
): Alert[] {
	const raised: Alert[] = [];
	for (const d of drafts) {
		const id = alertId(d);
		if (m.openAlerts.has(id)) continue;
		m.openAlerts.add(id);
		const at = new Date(now).toISOString();
		const source = d.source ?? defaultSource(d.rule);
		const alert: Alert = {
			id,
			rule: d.rule,
			severity: d.severity,
			status: 'open',
			merchantId: d.merchantId,
			districtId: d.districtId,
			merchantName: m.name,
			facts: d.facts,
			evidence: d.evidence,
			raisedAt: at,
			updatedAt: at,
			category: ruleCategory[d.rule],
			source,
			groupId: alertGroupId({ source, districtId: d.districtId, raisedAt: at })
		};
		alert.slaDueAt = slaDue(alert, policy)?.dueAt ?? null;
		m.alerts.set(id, alert);
		raised.push(alert);
	}
	return raised;
}

/** Forgets alerts whose write failed, so the next run raises them again. */
export function forgetAlerts(m: MerchantRecord, alerts: Alert[]): void {
	for (const a of alerts) {
		m.openAlerts.delete(a.id);
		m.alerts.delete(a.id);
	}
}

/**
 * The alerts table's row. Its version is the time of the alert's last change (epoch ms), for
 * every writer alike (rules on events, rules on the clock, and the lifecycle): the newest change
 * of an alert wins. The lifecycle never lets updatedAt go back (alerts/lifecycle.ts).
 */
export function alertRow(a: Alert) {
	return {
		...a,
		facts: JSON.stringify(a.facts),
		escalatedAuto: a.escalatedAuto ? 1 : 0,
		version: Date.parse(a.updatedAt)
	};
}
