import type { TicketClaims } from '../domain/auth/claims';
import { eventList } from '../domain/read-model';
import type { Dispute } from '../domain/registry/read-model';
import { readApi } from './read-api';

/**
 * The ledger entry a dispute is about, found by the time it claims (the events list is ordered
 * and filtered by it), so the shop sees which record is questioned; null if it is not there.
 */
export async function disputedEntry(claims: TicketClaims, merchantId: string, d: Dispute) {
	const at = Date.parse(d.entryAt);
	const { items } = await readApi(
		claims,
		`/api/events?merchantId=${encodeURIComponent(merchantId)}&type=${d.entryType}` +
			`&since=${new Date(at).toISOString()}&until=${new Date(at + 1).toISOString()}&limit=50`,
		eventList
	);
	const e = items.find((x) => x.id === d.entryId);
	return e ? { type: e.type, occurredAt: e.occurredAt, payload: e.payload } : null;
}
