import type { Alert, AlertSeverity } from '../alert';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Time allowed per step and severity, in ms. */
export interface SlaPolicy {
	/** From raised to acknowledged. */
	acknowledge: Record<AlertSeverity, number>;
	/** The longest rectification deadline a notice should give (UI default). */
	fix: Record<AlertSeverity, number>;
	/** From acknowledged to the merchant notified (or the alert dismissed or escalated). */
	notify: Record<AlertSeverity, number>;
	/** From the merchant's fix report to the bureau's verification. */
	verify: Record<AlertSeverity, number>;
}

export const defaultSlaPolicy: SlaPolicy = {
	acknowledge: { critical: 15 * MINUTE, high: HOUR, medium: 4 * HOUR, low: 24 * HOUR },
	fix: { critical: 24 * HOUR, high: 72 * HOUR, medium: 7 * 24 * HOUR, low: 14 * 24 * HOUR },
	notify: { critical: 4 * HOUR, high: 24 * HOUR, medium: 3 * 24 * HOUR, low: 7 * 24 * HOUR },
	verify: { critical: 24 * HOUR, high: 48 * HOUR, medium: 5 * 24 * HOUR, low: 7 * 24 * HOUR }
};

/** The policy with every duration multiplied (tests and drills shrink it to milliseconds). */
export function scaledSlaPolicy(factor: number, base: SlaPolicy = defaultSlaPolicy): SlaPolicy {
	const scale = (r: Record<AlertSeverity, number>) =>
		Object.fromEntries(
			Object.entries(r).map(([k, v]) => [k, Math.max(1, Math.round(v * factor))])
		) as Record<AlertSeverity, number>;
	return {
		acknowledge: scale(base.acknowledge),
		fix: scale(base.fix),
		notify: scale(base.notify),
		verify: scale(base.verify)
	};
}

/** The steps that run a timer: every state waiting on someone does, so no alert is forgotten. */
export const slaSteps = ['acknowledge', 'notify', 'fix', 'verify'] as const;
export type SlaStep = (typeof slaSteps)[number];
export interface SlaDue {
	step: SlaStep;
	dueAt: string;
}

/**
 * The SLA the alert's current state runs against: acknowledging a new alert, notifying the
 * merchant once acknowledged, the merchant fixing by the notice's deadline, the bureau verifying
 * a reported fix. Escalated alerts are a case's business (its own procedure): no timer.
 */
export function slaDue(alert: Alert, policy: SlaPolicy = defaultSlaPolicy): SlaDue | null {
	const after = (since: string, ms: number) => new Date(Date.parse(since) + ms).toISOString();
	switch (alert.status) {
		case 'open':
			return {
				step: 'acknowledge',
				dueAt: after(alert.raisedAt, policy.acknowledge[alert.severity])
			};
		case 'acknowledged':
			return { step: 'notify', dueAt: after(alert.updatedAt, policy.notify[alert.severity]) };
		case 'notified':
			return alert.deadline ? { step: 'fix', dueAt: after(alert.deadline, 0) } : null;
		case 'fix_reported':
			return { step: 'verify', dueAt: after(alert.updatedAt, policy.verify[alert.severity]) };
		default:
			return null;
	}
}

/**
 * The breaches to escalate at `now`: at most one, since an escalation leaves the states that
 * run a timer. Its step and due time identify it (the escalation event's id derives from them).
 */
export function slaBreaches(
	alert: Alert,
	now: number,
	policy: SlaPolicy = defaultSlaPolicy
): SlaDue[] {
	const due = slaDue(alert, policy);
	return due && Date.parse(due.dueAt) <= now ? [due] : [];
}
