import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { merchantPoints } from '$lib/domain/read-model';
import { viewerOf, WALL_VIEWERS } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import { districtParam, parseQuery, proxyError } from '../proxy.server';
import type { RequestHandler } from './$types';

const query = z.object({ district: districtParam });

/** Every merchant as a compact map row, optionally one district's. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const q = parseQuery(url, query);
	if (!q.ok) return q.response;
	const params = new URLSearchParams();
	if (q.data.district) params.set('district', q.data.district);
	try {
		const points = await readApi(
			viewerOf(locals, WALL_VIEWERS).claims,
			`/api/merchants/points?${params}`,
			merchantPoints,
			// 100,000 rows with their grades and open alerts, from a processor that may be busy.
			{ timeoutMs: 30_000 }
		);
		return json(points, { headers: { 'cache-control': 'private, max-age=60' } });
	} catch (err) {
		return proxyError(err);
	}
};
