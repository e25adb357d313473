import type { Store } from '../../clickhouse/store';
import { alert as alertSchema, type Alert } from '../../src/lib/domain/alert';
import { ALERT_COLUMNS, alertFromRow } from './alert-rows';
import type { MerchantStates } from './merchant-state';

/**
 * Every alert not closed or dismissed, whole (an acknowledged or notified alert goes on through
 * its lifecycle after a restart, and its SLA clock with it), and the ids of all the others: a
 * closed or dismissed alert is not raised again by the same rule and period.
 */
export async function loadAlerts(
	store: Store,
	merchants: MerchantStates,
	log: (m: string) => void
): Promise<Alert[]> {
	const rows = await store.query<Record<string, unknown>>(
		`SELECT ${ALERT_COLUMNS}
		 FROM alerts FINAL WHERE status NOT IN ('closed', 'dismissed') ORDER BY alerts.raisedAt DESC`
	);
	const active = rows.flatMap((r) => {
		// A row this version cannot read is reported, not fatal: the processor must start.
		const parsed = alertSchema.safeParse(alertFromRow(r));
		if (!parsed.success) log(`alert ${String(r.id)} skipped: ${parsed.error.issues[0]?.message}`);
		return parsed.success ? [parsed.data] : [];
	});
	for (const a of active) {
		const m = merchants.ensure(a.merchantId, a.districtId);
		m.openAlerts.add(a.id);
		m.alerts.set(a.id, a);
	}
	// Ids only: memory grows with the alerts ever raised, a few dozen bytes each.
	for (const r of await store.query<{ id: string; merchantId: string; districtId: string }>(
		`SELECT id, merchantId, districtId FROM alerts FINAL WHERE status IN ('closed', 'dismissed')`
	)) {
		merchants.ensure(r.merchantId, r.districtId).openAlerts.add(r.id);
	}
	return active;
}
