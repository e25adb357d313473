import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { commandOverview } from '$lib/domain/command/overview';
import { viewerOf, WALL_VIEWERS } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import { districtParam, parseQuery, proxyError } from '../proxy.server';
import type { RequestHandler } from './$types';

const query = z.object({ district: districtParam });

/** The wall's overview of the viewer's scope, or of one district of it. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const q = parseQuery(url, query);
	if (!q.ok) return q.response;
	const params = new URLSearchParams();
	if (q.data.district) params.set('district', q.data.district);
	try {
		const overview = await readApi(
			viewerOf(locals, WALL_VIEWERS).claims,
			`/api/command/overview?${params}`,
			commandOverview,
			{ timeoutMs: 10_000 }
		);
		return json(overview, { headers: { 'cache-control': 'no-store' } });
	} catch (err) {
		return proxyError(err);
	}
};
