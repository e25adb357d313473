import { merchantPoints } from '$lib/domain/read-model';
import { districtRead } from '../proxy.server';

/** Every merchant as a compact map row, optionally one district's. */
export const GET = districtRead('/api/merchants/points', merchantPoints, {
	// 100,000 rows with their grades and open alerts, from a processor that may be busy.
	timeoutMs: 30_000,
	cacheControl: 'private, max-age=60'
});
