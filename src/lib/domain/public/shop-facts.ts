import type { PublicLicenceStatus } from './public-shop';

/** Days before its end that a licence shows as expiring (as the register shows it). */
export const EXPIRING_WITHIN_DAYS = 30;

const DAY = 86_400_000;

function addDays(day: string, n: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/**
 * A shop's licence status as the register judges it: per licence kind the newest validity (a
 * renewal under a new number replaces the old one; a revoked licence counts as absent), then the
 * worst kind. `today` is the district's local day.
 */
export function licenceStatusOf(
	licences: Iterable<{ kind: string; validTo: string; revoked: boolean }>,
	today: string
): { status: PublicLicenceStatus; validTo: string | null } {
	const newest = new Map<string, string>();
	for (const l of licences) {
		if (l.revoked) continue;
		const seen = newest.get(l.kind);
		if (!seen || l.validTo > seen) newest.set(l.kind, l.validTo);
	}
	if (newest.size === 0) return { status: 'none', validTo: null };
	const worst = [...newest.values()].sort()[0]!;
	const status =
		worst < today
			? 'expired'
			: worst <= addDays(today, EXPIRING_WITHIN_DAYS)
				? 'expiring'
				: 'valid';
	return { status, validTo: worst };
}

/** 整改 the bureau waits for: alerts notified to the shop, and the nearest deadline. */
export function openRectifications(
	alerts: Iterable<{ status: string; deadline?: string | null }>
): { open: number; nextDeadline: string | null } {
	let open = 0;
	let nextDeadline: string | null = null;
	for (const a of alerts) {
		if (a.status !== 'notified') continue;
		open++;
		if (a.deadline && (!nextDeadline || Date.parse(a.deadline) < Date.parse(nextDeadline))) {
			nextDeadline = a.deadline;
		}
	}
	return { open, nextDeadline };
}

/** This month's finished days: the 1st to yesterday (null on the 1st: nothing finished yet). */
export function monthSoFar(today: string): { from: string; to: string } | null {
	const from = `${today.slice(0, 8)}01`;
	return today === from ? null : { from, to: addDays(today, -1) };
}
