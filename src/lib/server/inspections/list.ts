import type { TicketClaims } from '../../domain/auth/claims';
import { inspectionList } from '../../domain/inspections/read-model';
import { accountServices } from '../accounts/web';
import { readApi } from '../read-api';

/**
 * A merchant's inspections, newest first, with the inspectors' display names (the store keeps
 * their user ids): the registry's tab and the wall's drill-down show the same list.
 */
export async function merchantInspections(claims: TicketClaims, merchantId: string, limit: number) {
	const path = `/api/inspections?merchant=${encodeURIComponent(merchantId)}&limit=${limit}`;
	const [{ items }, { directory }] = await Promise.all([
		readApi(claims, path, inspectionList),
		accountServices()
	]);
	const nameOf = (u: string) => directory.get(u)?.displayName ?? u;
	return items.map((i) => ({
		...i,
		inspectorNames: [i.inspectorId, ...i.coInspectorIds].map(nameOf)
	}));
}
