import { error } from '@sveltejs/kit';
import { districts } from '$lib/domain/districts';
import { parseRegistryQuery, registrySearch } from '$lib/domain/registry/registry-query';
import { registryPage } from '$lib/domain/registry/read-model';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import type { PageServerLoad } from './$types';

/** The registry list: the URL is the query, cut to the viewer's districts by the read API. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { claims } = viewerOf(locals, ['admin', 'supervisor', 'inspector']);
	const parsed = parseRegistryQuery(url.searchParams);
	if (!parsed.success) error(400, `bad filter: ${parsed.error.issues[0]?.path.join('.')}`);
	const query = parsed.data;
	const page = await readApi(claims, `/api/registry?${registrySearch(query)}`, registryPage);
	return {
		query,
		page,
		districtIds: claims.role === 'admin' ? districts.map((d) => d.id) : claims.districts,
		mayEdit: claims.role === 'admin' || claims.role === 'supervisor'
	};
};
