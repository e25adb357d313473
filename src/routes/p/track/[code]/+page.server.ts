import { error } from '@sveltejs/kit';
import { entityId } from '$lib/domain/ids';
import { complaintOf } from '$lib/server/public/public-api';
import type { PageServerLoad } from './$types';

export const csr = false;

/**
 * 投诉进度: what the tracking code opens — the shop, category, date, status and the bureau's
 * public answer. Never the complaint's text, photos or contact (anyone holding the code sees it).
 */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	if (!entityId.safeParse(params.code).success) error(404, 'no such complaint');
	const complaint = await complaintOf(params.code);
	if (!complaint) error(404, 'no such complaint');
	return { complaint };
};
