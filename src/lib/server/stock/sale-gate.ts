import type { TicketClaims } from '../../domain/auth/claims';
import { eventList } from '../../domain/read-model';
import { earliestHeld, lessHeld, stillHeld, type HeldSale } from '../../domain/stock/held';
import { readApi } from '../read-api';

/** Well past any processor batch; only a processor far behind keeps a sale out this long. */
const MAX_HELD_MS = 10 * 60_000;
/** A shop's sales since its oldest hold: a few in practice (a POS may send 120 a minute; the read API answers at most 500). */
const STORED_LOOKUP_LIMIT = 500;

const queues = new Map<string, Promise<unknown>>();
const holds = new Map<string, HeldSale[]>();

export interface SaleGate {
	/** The shop's lots less what this server's published, not yet stored, sales took. */
	lessHeld<L extends { lotId: string; remaining: number }>(lots: readonly L[]): L[];
	/** After the publish: the sale's units stay off the lots until the store shows the sale. */
	hold(sale: Omit<HeldSale, 'heldAt'>): void;
}

/**
 * One sale at a time per shop in this web server (the till, its POS and its diners' payments),
 * each seeing what the ones before it took: so two sales of the last unit cannot both succeed.
 * Several web servers each keep their own gate (see README, "Stock and till").
 */
export function underSaleGate<T>(
	claims: TicketClaims,
	merchantId: string,
	work: (gate: SaleGate) => Promise<T>
): Promise<T> {
	const before = queues.get(merchantId) ?? Promise.resolve();
	const run = before
		.catch(() => undefined)
		.then(async () => {
			await dropStored(claims, merchantId);
			return work({
				lessHeld: (lots) => lessHeld(lots, holds.get(merchantId) ?? []),
				hold: (sale) => {
					// A repeated sale (the same event id, deduplicated by the stream) is held once.
					const others = (holds.get(merchantId) ?? []).filter((h) => h.eventId !== sale.eventId);
					holds.set(merchantId, [...others, { ...sale, heldAt: Date.now() }]);
				}
			});
		});
	const settled = run.catch(() => undefined);
	queues.set(merchantId, settled);
	void settled.then(() => {
		// The last in line cleans up, so an idle shop keeps no queue entry.
		if (queues.get(merchantId) === settled) queues.delete(merchantId);
	});
	return run;
}

/** Forgets the holds whose sales the store now has (one read of the shop's recent sales). */
async function dropStored(claims: TicketClaims, merchantId: string): Promise<void> {
	const held = holds.get(merchantId);
	if (!held?.length) return;
	const since = earliestHeld(held);
	const query = new URLSearchParams({
		merchantId,
		type: 'till.sale.recorded',
		limit: String(STORED_LOOKUP_LIMIT),
		...(since ? { since } : {})
	});
	const { items } = await readApi(claims, `/api/events?${query}`, eventList);
	const kept = stillHeld(held, new Set(items.map((e) => e.id)), Date.now(), MAX_HELD_MS);
	if (kept.length > 0) holds.set(merchantId, kept);
	else holds.delete(merchantId);
}
