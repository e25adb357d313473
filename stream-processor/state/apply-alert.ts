import type { Alert } from '../../src/lib/domain/alert';
import { alertActionOf, type FsEvent } from '../../src/lib/domain/events';
import { alertStepAfter } from '../../src/lib/domain/events/alert';
import { isActive, transition } from '../../src/lib/domain/alerts/lifecycle';
import { slaBreaches, type SlaPolicy } from '../../src/lib/domain/alerts/sla';
import type { MerchantRecord } from './merchant-state';

export type AlertEventOutcome =
	/** Not a lifecycle event. */
	| { kind: 'none' }
	| { kind: 'changed'; before: Alert; alert: Alert }
	/** Valid, but not allowed now (or no such alert): dead-lettered with the reason. */
	| { kind: 'refused'; reason: string }
	/** An automatic escalation the alert has already moved past: a duplicate of our own. */
	| { kind: 'stale' };

/**
 * Applies an `alert.*` event to its merchant's alerts. The step's time is the event's recordedAt
 * (set by our producers), not the actor's clock. A refused step changes nothing.
 */
export function applyAlertEvent(
	m: MerchantRecord | undefined,
	e: FsEvent,
	policy: SlaPolicy
): AlertEventOutcome {
	const asked = alertActionOf(e);
	if (!asked) return { kind: 'none' };
	const { alertId, action } = asked;
	const before = m?.alerts.get(alertId);
	const auto = e.type === 'alert.escalated' && e.payload.auto;
	if (!m || !before) {
		if (!m?.openAlerts.has(alertId)) {
			return { kind: 'refused', reason: `no alert ${alertId} for merchant ${e.merchantId}` };
		}
		if (auto) return { kind: 'stale' };
		return {
			kind: 'refused',
			reason: `alert ${alertId} is closed or dismissed: ${action.kind} is not allowed`
		};
	}
	if (e.type === 'alert.escalated' && e.payload.auto) {
		// The clock publishes an escalation once per breach; a copy that arrives after the alert
		// moved on (acknowledged in time after all, or escalated already) must not move it again.
		const breach = slaBreaches(before, Date.parse(e.occurredAt), policy)[0];
		if (!breach || breach.step !== e.payload.step || breach.dueAt !== e.payload.dueAt) {
			return { kind: 'stale' };
		}
	}
	const after = alertStepAfter(e);
	if (after !== undefined && after !== (before.lastEventId ?? '')) {
		return {
			kind: 'refused',
			reason: `alert ${alertId} changed since it was read (${action.kind} was taken on an older version)`
		};
	}
	const result = transition(before, action, e.recordedAt, policy);
	if (!result.ok) return { kind: 'refused', reason: result.reason };
	const alert: Alert = { ...result.alert, lastEventId: e.id };
	if (isActive(alert.status)) m.alerts.set(alertId, alert);
	else m.alerts.delete(alertId);
	return { kind: 'changed', before, alert };
}

/**
 * A merchant moved to another district takes its unfinished alerts along: new versions filed
 * under its district now (not a lifecycle step: their last step and SLA stay), so the new
 * district's supervisors handle them and the old one's steps are not refused for jurisdiction.
 */
export function moveAlerts(m: MerchantRecord, at: string): Alert[] {
	const moved: Alert[] = [];
	for (const a of m.alerts.values()) {
		if (a.districtId === m.districtId) continue;
		const updated = Math.max(Date.parse(at), Date.parse(a.updatedAt) + 1);
		const next = { ...a, districtId: m.districtId, updatedAt: new Date(updated).toISOString() };
		m.alerts.set(a.id, next);
		moved.push(next);
	}
	return moved;
}
