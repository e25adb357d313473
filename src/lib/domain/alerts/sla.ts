import type { Alert, AlertSeverity } from '../alert';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Time allowed per step and severity, in ms. */
export interface SlaPolicy {
	/** From raised to acknowledged. */
	acknowledge: Record<AlertSeverity, number>;
	/** The longest rectification deadline a notice should give (UI default). */
	fix: Record<AlertSeverity, number>;
}

export const defaultSlaPolicy: SlaPolicy = {
	acknowledge: { critical: 15 * MINUTE, high: HOUR, medium: 4 * HOUR, low: 24 * HOUR },
	fix: { critical: 24 * HOUR, high: 72 * HOUR, medium: 7 * 24 * HOUR, low: 14 * 24 * HOUR }
};

/** The policy with every duration multiplied (tests and drills shrink it to milliseconds). */
export function scaledSlaPolicy(factor: number, base: SlaPolicy = defaultSlaPolicy): SlaPolicy {
	const scale = (r: Record<AlertSeverity, number>) =>
		Object.fromEntries(
			Object.entries(r).map(([k, v]) => [k, Math.max(1, Math.round(v * factor))])
		) as Record<AlertSeverity, number>;
	return { acknowledge: scale(base.acknowledge), fix: scale(base.fix) };
}

export type SlaStep = 'acknowledge' | 'fix';
export interface SlaDue {
	step: SlaStep;
	dueAt: string;
}

/**
 * The SLA the alert's current state runs against: acknowledging a new alert, or fixing by the
 * notice's deadline. Other states wait on the bureau (a verification, a case): no timer.
 */
export function slaDue(alert: Alert, policy: SlaPolicy = defaultSlaPolicy): SlaDue | null {
	if (alert.status === 'open') {
		const due = Date.parse(alert.raisedAt) + policy.acknowledge[alert.severity];
		return { step: 'acknowledge', dueAt: new Date(due).toISOString() };
	}
	if (alert.status === 'notified' && alert.deadline) {
		return { step: 'fix', dueAt: new Date(Date.parse(alert.deadline)).toISOString() };
	}
	return null;
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
