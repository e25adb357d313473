import { iso } from '../../clickhouse/sql';
import type { Store } from '../../clickhouse/store';
import {
	MAX_INSPECTIONS_PER_MERCHANT,
	rememberInspection,
	type MerchantStates
} from './merchant-state';

/** Each merchant's latest inspections, for the risk model after a restart. */
export async function loadInspections(store: Store, merchants: MerchantStates): Promise<void> {
	const rows = await store.query<{
		id: string;
		merchantId: string;
		districtId: string;
		at: string;
		result: 'pass' | 'rectify' | 'fail';
		criticalFindings: number;
	}>(
		`SELECT id, merchantId, districtId, ${iso('occurredAt')} AS at,
		        result, toUInt32(criticalFindings) AS criticalFindings
		 FROM inspections FINAL
		 ORDER BY merchantId, occurredAt DESC
		 LIMIT {n:UInt32} BY merchantId`,
		{ n: MAX_INSPECTIONS_PER_MERCHANT }
	);
	for (const r of rows) {
		rememberInspection(merchants.ensure(r.merchantId, r.districtId), {
			id: r.id,
			at: r.at,
			result: r.result,
			criticalFindings: r.criticalFindings
		});
	}
}
