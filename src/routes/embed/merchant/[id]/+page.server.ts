import { error } from '@sveltejs/kit';
import { publicShopOf } from '$lib/server/public/public-api';
import { publicCacheControl } from '$lib/server/public/page-cache';
import type { PageServerLoad } from './$types';

/** No script: a widget inside another site's page should cost it nothing. */
export const csr = false;

/**
 * The shop's badge for its own site or mini-programme: grade, licence, live kitchen. Framed only
 * by the origins in EMBED_ORIGINS (frame-ancestors, hooks.server.ts → security-headers.ts).
 */
export const load: PageServerLoad = async ({ params, request, locals, setHeaders }) => {
	const shop = await publicShopOf(params.id);
	if (!shop) error(404, 'no such shop');
	setHeaders({ 'cache-control': publicCacheControl(request, locals.viewer) });
	const { id, name, riskGrade, licenceStatus, status, kitchen, latestInspection } = shop;
	return { shop: { id, name, riskGrade, licenceStatus, status, kitchen, latestInspection } };
};
