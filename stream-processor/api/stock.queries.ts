import type { Store } from '../../clickhouse/store';
import { iso } from './read.queries';

/** A merchant's lots are hundreds at most in a window; the panel shows a handful. */
const MAX_LOTS = 200;

export function stockQueries(store: Store) {
	return {
		/** A merchant's lots expiring between `from` and `to` (days, both included), soonest first. */
		async lotsExpiring(merchantId: string, window: { from: string; to: string }) {
			const items = await store.query<{ quantity: number }>(
				`SELECT lotId, sku, productName, supplierId, supplierName, quantity, unit,
				        toString(productionDate) AS productionDate, toString(expiresOn) AS expiresOn,
				        ${iso('receivedAt')} AS receivedAt
				 FROM lots FINAL
				 WHERE merchantId = {merchantId:String}
				   AND lots.expiresOn BETWEEN {from:Date} AND {to:Date}
				 ORDER BY lots.expiresOn, lotId LIMIT ${MAX_LOTS}`,
				{ merchantId, from: window.from, to: window.to }
			);
			return { items: items.map((r) => ({ ...r, quantity: Number(r.quantity) })) };
		}
	};
}
export type StockQueries = ReturnType<typeof stockQueries>;
