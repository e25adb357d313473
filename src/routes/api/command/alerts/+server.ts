import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { alertList } from '$lib/domain/read-model';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import { districtParam, parseQuery, proxyError } from '../proxy.server';
import type { RequestHandler } from './$types';

const query = z.object({
	district: districtParam,
	limit: z.coerce.number().int().min(1).max(200).default(50)
});

/**
 * The latest alerts, optionally one district's: whole rows (notices, merchants' fix notes), so
 * for regulators only, not for a kiosk screen.
 */
export const GET: RequestHandler = async ({ url, locals }) => {
	const q = parseQuery(url, query);
	if (!q.ok) return q.response;
	const params = new URLSearchParams({ limit: String(q.data.limit) });
	if (q.data.district) params.set('district', q.data.district);
	try {
		return json(
			await readApi(
				viewerOf(locals, ['admin', 'supervisor']).claims,
				`/api/alerts?${params}`,
				alertList
			),
			{
				headers: { 'cache-control': 'no-store' }
			}
		);
	} catch (err) {
		return proxyError(err);
	}
};
