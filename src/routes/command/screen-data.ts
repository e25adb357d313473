import { merchantPoints, type MerchantPoints } from '$lib/domain/read-model';

/** Every merchant of the city or one district as map rows. */
export async function fetchPoints(
	district: string | null,
	fetchFn: typeof fetch = fetch
): Promise<MerchantPoints['rows']> {
	const query = district ? `?district=${district}` : '';
	const res = await fetchFn(`/api/command/points${query}`);
	if (!res.ok) throw new Error(`/api/command/points answered ${res.status}`);
	return merchantPoints.parse(await res.json()).rows;
}
