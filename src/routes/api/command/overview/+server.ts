import { commandOverview } from '$lib/domain/command/overview';
import { districtRead } from '../proxy.server';

/** The wall's overview of the viewer's scope, or of one district of it. */
export const GET = districtRead('/api/command/overview', commandOverview, {
	timeoutMs: 10_000,
	cacheControl: 'no-store'
});
