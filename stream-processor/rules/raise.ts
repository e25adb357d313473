import { alertId, type Alert, type AlertDraft } from '../../src/lib/domain/alert';
import type { MerchantRecord } from '../state/merchant-state';

/**
 * Turns drafts into new alerts, one open alert per merchant, rule and period: a draft whose
 * alert is already open is dropped here, so a flood of expired sales of one lot is one alert.
 */
export function raiseAlerts(m: MerchantRecord, drafts: AlertDraft[], now: number): Alert[] {
	const raised: Alert[] = [];
	for (const d of drafts) {
		const id = alertId(d);
		if (m.openAlerts.has(id)) continue;
		m.openAlerts.add(id);
		const at = new Date(now).toISOString();
		raised.push({
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
			updatedAt: at
		});
	}
	return raised;
}

/**
 * The alerts table's row. Its version is the time of the alert's last change (epoch ms), for
 * every writer alike (rules on events, rules on the clock, and the lifecycle to come): the newest
 * change of an alert wins.
 */
export function alertRow(a: Alert) {
	return { ...a, facts: JSON.stringify(a.facts), version: Date.parse(a.updatedAt) };
}
