import type { Alert } from '../alert';

const DAY = 86_400_000;

/**
 * Whole days from `now` to a rectification deadline, rounded away from zero: 1 on its last day,
 * negative once it has passed (the shop sees how late it is).
 */
export function daysLeft(deadline: string, now: number): number {
	const ms = Date.parse(deadline) - now;
	return Math.sign(ms) * Math.ceil(Math.abs(ms) / DAY);
}

/**
 * What a shop sees of its own alert: what it is about, the notice and its deadline. Not the
 * bureau's side (an escalation's reason, who raised it, evidence ids, groups).
 */
export type ShopNotice = Pick<
	Alert,
	'id' | 'rule' | 'severity' | 'status' | 'merchantId' | 'facts' | 'raisedAt' | 'updatedAt'
> & { notice?: string; deadline?: string | null };

export function shopNotice(a: Alert): ShopNotice {
	const { id, rule, severity, status, merchantId, facts, raisedAt, updatedAt, notice, deadline } =
		a;
	return { id, rule, severity, status, merchantId, facts, raisedAt, updatedAt, notice, deadline };
}

/** The rectification notices a shop must answer: its alerts waiting for a fix report. */
export function openNotices(alerts: readonly Alert[], merchantId: string): ShopNotice[] {
	return alerts
		.filter((a) => a.merchantId === merchantId && a.status === 'notified')
		.sort((x, y) => Date.parse(x.deadline ?? x.updatedAt) - Date.parse(y.deadline ?? y.updatedAt))
		.map(shopNotice);
}
