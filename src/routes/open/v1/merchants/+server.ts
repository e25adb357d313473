import { publicShopQuery } from '$lib/domain/public/public-shop';
import { openData } from '$lib/server/public/open-data';
import { publicShops } from '$lib/server/public/public-api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	openData(event, async () => {
		const q = publicShopQuery.safeParse(
			Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== ''))
		);
		if (!q.success) {
			const issue = q.error.issues[0];
			return { status: 400, body: { error: `${issue?.path.join('.')}: ${issue?.message}` } };
		}
		return { status: 200, body: await publicShops(q.data) };
	});
