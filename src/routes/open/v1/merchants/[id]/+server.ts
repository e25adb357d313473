import { openData } from '$lib/server/public/open-data';
import { publicShopOf } from '$lib/server/public/public-api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	openData(event, async () => {
		const shop = await publicShopOf(event.params.id);
		return shop ? { status: 200, body: shop } : { status: 404, body: { error: 'no such shop' } };
	});
