import { error } from '@sveltejs/kit';
import { publicShopOf } from '$lib/server/public/public-api';
import { publicCacheControl } from '$lib/server/public/page-cache';
import type { PageServerLoad } from './$types';

/** A light page for a phone at the shop door: rendered on the server, no script needed. */
export const csr = false;

/**
 * 公示: the page behind the QR code on the shop's door. Public facts only (the processor's open
 * read, parsed against the public schema), cached for a minute here and in the browser.
 */
export const load: PageServerLoad = async ({ params, request, locals, setHeaders }) => {
	const shop = await publicShopOf(params.merchantId);
	if (!shop) error(404, 'no such shop');
	setHeaders({ 'cache-control': publicCacheControl(request, locals.viewer) });
	return { shop, now: Date.now() };
};
