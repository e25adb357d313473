import { redirect } from '@sveltejs/kit';
import { merchantList } from '$lib/domain/read-model';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import type { PageServerLoad } from './$types';

/** A chain's people choose a shop; with one shop there is nothing to choose. */
export const load: PageServerLoad = async ({ locals }) => {
	const { claims } = viewerOf(locals, ['merchant_owner', 'merchant_staff']);
	if (claims.merchants.length === 1) redirect(303, `/m/${claims.merchants[0]}`);
	// The read API cuts the list to the ticket's merchants: no filter is taken from the request.
	return { shops: (await readApi(claims, '/api/merchants?limit=500', merchantList)).items };
};
