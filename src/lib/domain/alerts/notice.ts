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

/** The rectification notices a shop must answer: its alerts waiting for a fix report. */
export function openNotices(alerts: readonly Alert[], merchantId: string): Alert[] {
	return alerts
		.filter((a) => a.merchantId === merchantId && a.status === 'notified')
		.sort((x, y) => Date.parse(x.deadline ?? x.updatedAt) - Date.parse(y.deadline ?? y.updatedAt));
}
