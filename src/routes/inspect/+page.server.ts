import { merchantList } from '$lib/domain/read-model';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import type { PageServerLoad } from './$types';

/** The inspector's districts and their merchants (the first 100 of each), read in their scope. */
export const load: PageServerLoad = async ({ locals }) => {
	const { claims } = viewerOf(locals, ['inspector']);
	const lists = await Promise.all(
		claims.districts.map(async (district) => ({
			district,
			...(await readApi(claims, `/api/merchants?district=${district}&limit=100`, merchantList))
		}))
	);
	return { lists };
};
