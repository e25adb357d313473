import { error } from '@sveltejs/kit';
import { merchantDetail, staffList } from '$lib/domain/read-model';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';

/**
 * The signed-in merchant person and their shop, for the shop's pages: the hook has checked the
 * id against the session's scope; the read API checks it again from the ticket. The roster is
 * read only by pages that list people.
 */
export async function shopOf(locals: App.Locals, merchantId: string, { withRoster = false } = {}) {
	const viewer = viewerOf(locals, ['merchant_owner', 'merchant_staff']);
	if (!viewer.claims.merchants.includes(merchantId)) error(403, 'not your shop');
	const id = encodeURIComponent(merchantId);
	const [shop, roster] = await Promise.all([
		readApi(viewer.claims, `/api/merchants/${id}`, merchantDetail),
		withRoster ? readApi(viewer.claims, `/api/merchants/${id}/staff`, staffList) : null
	]);
	return { viewer, shop, roster: roster?.items ?? [] };
}
