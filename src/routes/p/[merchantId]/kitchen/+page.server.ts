import { error } from '@sveltejs/kit';
import { publicKitchenOf, videoOrigin } from '$lib/server/video';
import type { PageServerLoad } from './$types';

/**
 * 明厨亮灶 for diners: the shop's cameras it opened to the public, live. No sign-in and no
 * ticket: the video service shows a bearer without one public cameras only, and this page
 * gets nothing but their names, areas and status (no reasons, no settings, no people).
 */
export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	const kitchen = await publicKitchenOf(params.merchantId);
	if (!kitchen) error(404, 'no such shop');
	// Status changes by the minute; a shared cache may hold it briefly.
	setHeaders({ 'cache-control': 'public, max-age=15' });
	return { ...kitchen, videoUrl: videoOrigin(url) };
};
