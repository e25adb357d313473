import { error } from '@sveltejs/kit';
import { eventList, merchantDetail } from '$lib/domain/read-model';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi, ReadApiError } from '$lib/server/read-api';
import type { PageServerLoad } from './$types';

/** A shop's workspace: who it is, its licences and its latest records. Ledgers come with issue 4. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { claims } = viewerOf(locals, ['merchant_owner', 'merchant_staff']);
	// The hook has checked the id against the scope; the read API checks it again from the ticket.
	if (!claims.merchants.includes(params.merchantId)) error(403, 'not your shop');
	try {
		const [shop, recent] = await Promise.all([
			readApi(claims, `/api/merchants/${encodeURIComponent(params.merchantId)}`, merchantDetail),
			readApi(
				claims,
				`/api/events?merchantId=${encodeURIComponent(params.merchantId)}&limit=20`,
				eventList
			)
		]);
		return {
			shop,
			recent: recent.items.map(({ id, type, occurredAt }) => ({ id, type, occurredAt }))
		};
	} catch (e) {
		// Registered moments ago and not yet in the store: say so rather than fail.
		if (e instanceof ReadApiError && e.status === 404) return { shop: null, recent: [] };
		throw e;
	}
};
