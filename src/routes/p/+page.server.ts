import { MAP_DOTS } from '$lib/domain/public/shop-map';
import { publicShopQuery } from '$lib/domain/public/public-shop';
import { districts } from '$lib/domain/districts';
import { publicMap, publicShops } from '$lib/server/public/public-api';
import { publicCacheControl } from '$lib/server/public/page-cache';
import { searchMap } from './public-map';
import type { PageServerLoad } from './$types';

export const csr = false;

const PAGE = 20;

/**
 * 查一查: find a shop by name or address, by district; each with its grade and latest result,
 * in a list and on a map (an SVG drawn here: no tiles, no script on the diner's phone).
 */
export const load: PageServerLoad = async ({ url, request, locals, setHeaders }) => {
	const parsed = publicShopQuery.safeParse({
		q: url.searchParams.get('q') || undefined,
		district: url.searchParams.get('district') || undefined,
		limit: PAGE,
		offset: url.searchParams.get('offset') || 0
	});
	const q = parsed.success ? parsed.data : publicShopQuery.parse({ limit: PAGE });
	const [page, points] = await Promise.all([
		publicShops(q),
		publicMap({ q: q.q, district: q.district, limit: MAP_DOTS })
	]);
	setHeaders({ 'cache-control': publicCacheControl(request, locals.viewer) });
	return {
		query: { q: q.q ?? '', district: q.district ?? '', offset: q.offset },
		page: page ?? { items: [], total: 0, limit: PAGE, offset: 0 },
		map: searchMap(q.district ?? null, points ?? { points: [], total: 0, limit: MAP_DOTS }),
		districts: districts.map((d) => d.id)
	};
};
