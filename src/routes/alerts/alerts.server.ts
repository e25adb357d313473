import { error } from '@sveltejs/kit';
import type { Alert } from '$lib/domain/alert';
import { bulkOutcome, eventOfAction, type BulkOutcome } from '$lib/domain/alerts/actions';
import { planBulk, type AlertAction } from '$lib/domain/alerts/lifecycle';
import type { Role } from '$lib/domain/auth/claims';
import { instantOfLocal } from '$lib/domain/time';
import { viewerOf } from '$lib/server/auth/guard';
import { readAlert, untilAlertStored } from '$lib/server/alerts';
import { recordEvent } from '$lib/server/record-event';

export const ALERT_READERS: readonly Role[] = ['admin', 'supervisor', 'inspector'];
/** Who moves an alert along its lifecycle: inspectors read (they verify through inspections). */
export const ALERT_ACTORS: readonly Role[] = ['admin', 'supervisor'];
/** The most alerts one bulk action takes (each is read again and published as its own event). */
export const MAX_BULK = 50;

/** The alert's page data, or the same 404 for one outside the viewer's districts as for none. */
export async function alertPageOf(locals: App.Locals, id: string, roles = ALERT_READERS) {
	const viewer = viewerOf(locals, roles);
	const detail = await readAlert(viewer.claims, id);
	if (!detail) error(404, 'no such alert in your districts');
	return { viewer, detail };
}

/** A form's deadline (a date, or a date and time) on the districts' clock, as an instant. */
export function deadlineInstant(local: string): string {
	const withTime = local.includes('T') ? local : `${local}T23:59`;
	const ms = instantOfLocal(withTime);
	return new Date(ms ?? Number.NaN).toISOString();
}

/**
 * Takes one action on each alert: each is read again through the viewer's ticket (so an alert
 * outside their districts is refused like one that is not there), checked against the lifecycle,
 * and published as its own event with the session's user as actor. The store is awaited for
 * each so the page the viewer lands on shows the change.
 */
export async function actOnAlerts(
	viewer: ReturnType<typeof viewerOf>,
	ids: readonly string[],
	action: AlertAction
): Promise<BulkOutcome> {
	const found = new Map<string, Alert>();
	for (const id of new Set(ids)) {
		const d = await readAlert(viewer.claims, id);
		if (d) found.set(id, d.alert);
	}
	const plan = planBulk([...found.values()], action, new Date().toISOString());
	const outcome = bulkOutcome(ids, found, action.kind, plan);
	const published: { alertId: string; eventId: string }[] = [];
	for (const a of plan.allowed) {
		const { type, payload } = eventOfAction(a.id, action);
		const { event } = await recordEvent(viewer, {
			type,
			merchantId: a.merchantId,
			districtId: a.districtId,
			payload
		} as Parameters<typeof recordEvent>[1]);
		published.push({ alertId: a.id, eventId: event.id });
	}
	for (const p of published) await untilAlertStored(viewer.claims, p.alertId, p.eventId);
	return outcome;
}
