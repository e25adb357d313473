import { error } from '@sveltejs/kit';
import { alertQueryFromUrl } from '$lib/domain/alerts/alert-query';
import { readScope } from '$lib/domain/auth/policy';
import type { Alert } from '$lib/domain/alert';
import { bulkOutcome, eventOfAction, stepKey, type BulkOutcome } from '$lib/domain/alerts/actions';
import { planBulk, type AlertAction } from '$lib/domain/alerts/lifecycle';
import type { PersonRole } from '$lib/domain/auth/claims';
import { instantOfLocal } from '$lib/domain/time';
import { viewerOf } from '$lib/server/auth/guard';
import { readAlert, untilAlertStored } from '$lib/server/alerts';
import { stableEventId } from '$lib/server/backbone/stable-id';
import { recordEvent } from '$lib/server/record-event';

export const ALERT_READERS: readonly PersonRole[] = ['admin', 'supervisor', 'inspector'];
/** Who moves an alert along its lifecycle: inspectors read (they verify through inspections). */
export const ALERT_ACTORS: readonly PersonRole[] = ['admin', 'supervisor'];
/** The most alerts one bulk action takes (each is read again and published as its own event). */
export const MAX_BULK = 50;
/** "Every alert matching the filters": a flood handled at once, within reason. */
export const MAX_MATCHING = 200;

/** The alert's page data, or the same 404 for one outside the viewer's districts as for none. */
export async function alertPageOf(locals: App.Locals, id: string, roles = ALERT_READERS) {
	const viewer = viewerOf(locals, roles);
	const detail = await readAlert(viewer.claims, id);
	if (!detail) error(404, 'no such alert in your districts');
	return { viewer, detail };
}

/**
 * The list's filters from a page URL, for this viewer: a district outside theirs is a 404, like
 * any record outside it.
 */
export function alertQueryIn(viewer: App.PersonViewer, url: URL) {
	const query = alertQueryFromUrl(url.searchParams);
	const scope = readScope(viewer.claims);
	if (query.district && !scope.all && !scope.districts.includes(query.district)) {
		error(404, 'no such district in your jurisdiction');
	}
	return { query, scope };
}

/** A form's deadline (a date, or a date and time) on the districts' clock, as an instant. */
export function deadlineInstant(local: string): string {
	const withTime = local.includes('T') ? local : `${local}T23:59`;
	const ms = instantOfLocal(withTime);
	// Not a real date (2026-13-01): an empty deadline, which the form's check refuses.
	return ms === null || Number.isNaN(ms) ? '' : new Date(ms).toISOString();
}

/**
 * Takes one action on each alert: each is read again through the viewer's ticket (so an alert
 * outside their districts is refused like one that is not there), checked against the lifecycle,
 * and published as its own event with the session's user as actor. The store is awaited for
 * each so the page the viewer lands on shows the change.
 */
export async function actOnAlerts(
	viewer: App.PersonViewer,
	ids: readonly string[],
	action: AlertAction,
	/** Alerts just read through the viewer's ticket (the matching list): not read again. */
	alreadyRead?: readonly Alert[]
): Promise<BulkOutcome> {
	const found = new Map<string, Alert>();
	if (alreadyRead) for (const a of alreadyRead) found.set(a.id, a);
	else {
		const details = await inBatches([...new Set(ids)], (id) => readAlert(viewer.claims, id));
		for (const d of details) if (d) found.set(d.alert.id, d.alert);
	}
	const plan = planBulk([...found.values()], action, new Date().toISOString());
	const outcome = bulkOutcome(ids, found, action.kind, plan);
	const published: { alert: Alert; eventId: string }[] = [];
	for (const a of plan.allowed) {
		// On the version read (`after`), with an id fixed by it: a resend is the same step, and a
		// step on an alert someone else moved meanwhile is refused by the processor.
		const { type, payload } = eventOfAction(a.id, action, a.lastEventId ?? '');
		const { event } = await recordEvent(viewer, {
			id: stableEventId(stepKey(a, action.kind)),
			type,
			merchantId: a.merchantId,
			districtId: a.districtId,
			payload
		} as Parameters<typeof recordEvent>[1]);
		published.push({ alert: a, eventId: event.id });
	}
	// Done means stored: a step the processor refused (or has not applied yet) is told as such.
	const stored = await inBatches(published, (p) =>
		untilAlertStored(viewer.claims, p.alert.id, p.eventId)
	);
	published.forEach((p, i) => {
		if (stored[i]) return;
		outcome.done = outcome.done.filter((id) => id !== p.alert.id);
		outcome.refused.push({
			id: p.alert.id,
			code: 'not_applied',
			status: p.alert.status,
			reason: `alert ${p.alert.id} changed meanwhile, or the step is still on its way`
		});
	});
	return outcome;
}

/** At most 16 reads of the store at a time: a bulk step must not flood the read API. */
async function inBatches<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
	const out: R[] = [];
	for (let i = 0; i < items.length; i += 16) {
		out.push(...(await Promise.all(items.slice(i, i + 16).map(run))));
	}
	return out;
}
