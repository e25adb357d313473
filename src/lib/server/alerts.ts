import { alertDetail } from '../domain/alerts/read-model';
import type { TicketClaims } from '../domain/auth/claims';
import { readApi, ReadApiError } from './read-api';
import { pollUntil } from './record-event';

/** One alert with its history, read with the viewer's ticket: null outside their scope. */
export async function readAlert(claims: TicketClaims, id: string) {
	try {
		return await readApi(claims, `/api/alerts/${encodeURIComponent(id)}`, alertDetail);
	} catch (e) {
		if (e instanceof ReadApiError && (e.status === 404 || e.status === 400)) return null;
		throw e;
	}
}

/**
 * Waits (bounded) until the store's alert is the version this event made, so the page the
 * viewer lands on next shows the step. Past the bound the event is still safe in the stream
 * (its publish was acknowledged); the page only shows it a moment later.
 */
export function untilAlertStored(
	claims: TicketClaims,
	alertId: string,
	eventId: string,
	options?: { timeoutMs?: number; everyMs?: number }
): Promise<boolean> {
	return pollUntil(
		async () => (await readAlert(claims, alertId))?.alert.lastEventId === eventId,
		options
	);
}
