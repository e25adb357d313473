import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { cameraList } from '$lib/domain/video/camera-list';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import { districtParam, parseQuery, proxyError } from '../../command/proxy.server';
import type { RequestHandler } from './$types';

/** Who watches the city's cameras: regulators of their districts, and wall screens. */
const WATCHERS = ['admin', 'supervisor', 'inspector', 'screen'] as const;

const query = z.object({
	district: districtParam,
	status: z.enum(['online', 'offline']).optional()
});

/**
 * The cameras of the viewer's districts (or one of them, `?district=`; only the dark ones with
 * `?status=offline`), schema `cameraList`: the video wall's tree (district → merchant → area)
 * and the status on its tiles, refreshed by polling. Never a source address.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const q = parseQuery(url, query);
	if (!q.ok) return q.response;
	const params = new URLSearchParams();
	if (q.data.district) params.set('district', q.data.district);
	if (q.data.status) params.set('status', q.data.status);
	try {
		const claims = viewerOf(locals, WATCHERS).claims;
		const body = await readApi(claims, `/api/cameras?${params}`, cameraList);
		return json(body, { headers: { 'cache-control': 'no-store' } });
	} catch (err) {
		return proxyError(err);
	}
};
