import { error } from '@sveltejs/kit';
import { recallProgress } from '$lib/domain/trace/contracts';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi, ReadApiError } from '$lib/server/read-api';
import { RECALL_READERS } from '../recalls.server';
import type { PageServerLoad } from './$types';

/** A recall's progress, per shop, as far as the viewer's districts go. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const viewer = viewerOf(locals, RECALL_READERS);
	try {
		return {
			recall: await readApi(
				viewer.claims,
				`/api/recalls/${encodeURIComponent(params.recallId)}`,
				recallProgress
			)
		};
	} catch (e) {
		if (e instanceof ReadApiError && (e.status === 404 || e.status === 400)) {
			error(404, 'no such recall in your districts');
		}
		throw e;
	}
};
