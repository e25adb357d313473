import { merchantPoints } from '$lib/domain/read-model';
import type { PointRow } from './point-store';

/** Every merchant of the city or one district as map rows (grade and open alerts included). */
export async function fetchPoints(
	district: string | null,
	fetchFn: typeof fetch = fetch
): Promise<PointRow[]> {
	const query = district ? `?district=${district}` : '';
	// no-store: a reload after missed grade changes must not get the browser's cached copy.
	const res = await fetchFn(`/api/command/points${query}`, { cache: 'no-store' });
	if (!res.ok) throw new Error(`/api/command/points answered ${res.status}`);
	return merchantPoints.parse(await res.json()).rows;
}
