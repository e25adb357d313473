import type { Alert, AlertStatus } from '../alert';
import { defaultSlaPolicy, slaDue, type SlaPolicy } from './sla';

/** What a person (or the SLA clock) does to an alert; each is one `alert.*` event. */
export type AlertAction =
	| { kind: 'acknowledge' }
	| { kind: 'notify'; deadline: string; notice: string }
	| { kind: 'report_fix'; note: string; attachmentIds?: string[] }
	| { kind: 'verify'; how: 'remote' | 'visit' }
	| { kind: 'close' }
	| { kind: 'escalate'; reason: string; auto: boolean }
	| { kind: 'dismiss'; reason: string };
export type AlertActionKind = AlertAction['kind'];

/**
 * The lifecycle, as one table: state → action → next state. Anything absent is refused.
 * new (open) → acknowledged → notified (整改通知 with a deadline) → fix_reported → verified →
 * closed; a fix that does not hold is notified again; escalated hands it to a case (which may
 * still notify, or close it); dismissed (false alarm) keeps its reason. closed and dismissed are
 * final: the same rule and period never reopen them (rules/raise.ts).
 */
export const alertTransitions: Record<
	AlertStatus,
	Partial<Record<AlertActionKind, AlertStatus>>
> = {
	open: { acknowledge: 'acknowledged', escalate: 'escalated', dismiss: 'dismissed' },
	acknowledged: { notify: 'notified', escalate: 'escalated', dismiss: 'dismissed' },
	notified: { report_fix: 'fix_reported', escalate: 'escalated', dismiss: 'dismissed' },
	fix_reported: { verify: 'verified', notify: 'notified', escalate: 'escalated' },
	verified: { close: 'closed' },
	escalated: { notify: 'notified', close: 'closed' },
	closed: {},
	dismissed: {}
};

/**
 * An inspector on site sees for themselves: a visit verifies an alert at any step before its
 * fix is verified (the merchant need not have reported the fix first). A remote verification
 * still needs the merchant's report.
 */
export const verifiableOnSite: readonly AlertStatus[] = [
	'open',
	'acknowledged',
	'notified',
	'escalated'
];

/** Still to be handled: shown as open on the wall, kept in memory, reloaded after a restart. */
export function isActive(status: AlertStatus): boolean {
	return status !== 'closed' && status !== 'dismissed';
}

export type TransitionResult = { ok: true; alert: Alert } | { ok: false; reason: string };

/**
 * Applies an action at instant `at` (ISO): the next version of the alert, or why not. The new
 * version's updatedAt never goes back (it is the store's row version): a late clock on the
 * actor's side still yields a newer row.
 */
export function transition(
	alert: Alert,
	action: AlertAction,
	at: string,
	policy: SlaPolicy = defaultSlaPolicy
): TransitionResult {
	const next =
		alertTransitions[alert.status][action.kind] ??
		(action.kind === 'verify' && action.how === 'visit' && verifiableOnSite.includes(alert.status)
			? 'verified'
			: undefined);
	if (!next) {
		const allowed = Object.keys(alertTransitions[alert.status]);
		return {
			ok: false,
			reason: `alert ${alert.id} is ${alert.status}: ${action.kind} is not allowed (allowed: ${allowed.join(', ') || 'none'})`
		};
	}
	if (action.kind === 'notify' && Date.parse(action.deadline) <= Date.parse(at)) {
		return {
			ok: false,
			reason: `alert ${alert.id}: the rectification deadline is not after the notice`
		};
	}
	const updated = Math.max(Date.parse(at), Date.parse(alert.updatedAt) + 1);
	const changed: Alert = { ...alert, status: next, updatedAt: new Date(updated).toISOString() };
	switch (action.kind) {
		case 'notify':
			changed.deadline = action.deadline;
			changed.notice = action.notice;
			break;
		case 'report_fix':
			changed.fixNote = action.note;
			changed.fixAttachmentIds = action.attachmentIds ?? [];
			break;
		case 'verify':
			changed.verifiedHow = action.how;
			break;
		case 'escalate':
			changed.reason = action.reason;
			changed.escalatedAuto = action.auto;
			break;
		case 'dismiss':
			changed.reason = action.reason;
			break;
	}
	changed.slaDueAt = slaDue(changed, policy)?.dueAt ?? null;
	return { ok: true, alert: changed };
}

/**
 * A bulk action (a flood's group acknowledged or dismissed at once): which alerts take it, and
 * why the others cannot. Each allowed one is then its own event, so every alert's history
 * stays whole.
 */
export function planBulk(
	alerts: Alert[],
	action: AlertAction,
	at: string,
	policy: SlaPolicy = defaultSlaPolicy
): { allowed: Alert[]; refused: { id: string; reason: string }[] } {
	const allowed: Alert[] = [];
	const refused: { id: string; reason: string }[] = [];
	for (const a of alerts) {
		const r = transition(a, action, at, policy);
		if (r.ok) allowed.push(r.alert);
		else refused.push({ id: a.id, reason: r.reason });
	}
	return { allowed, refused };
}
