import type { Store } from '../../clickhouse/store';
import { rememberComplaint, MAX_COMPLAINTS_KEPT, type MerchantStates } from './merchant-state';

/** As far back as the risk model may look (its lookback can be set up to ten years). */
const YEARS_BACK = 10;

/** Rebuilds each merchant's newest complaints from the events table (the risk model's input). */
export async function loadComplaints(store: Store, merchants: MerchantStates): Promise<void> {
	const rows = await store.query<{
		merchantId: string;
		districtId: string;
		at: number;
		category: string;
	}>(
		`SELECT merchantId, districtId, toUnixTimestamp64Milli(occurredAt) AS at,
		        JSONExtractString(payload, 'category') AS category
		 FROM events
		 WHERE type = 'complaint.filed' AND occurredAt >= now() - INTERVAL ${YEARS_BACK} YEAR
		 ORDER BY occurredAt DESC LIMIT ${MAX_COMPLAINTS_KEPT} BY merchantId`
	);
	for (const r of rows) {
		rememberComplaint(merchants.ensure(r.merchantId, r.districtId), Number(r.at), r.category);
	}
}
