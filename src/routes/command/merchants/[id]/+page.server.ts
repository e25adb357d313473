import { mayDispatch, WALL_VIEWERS } from '$lib/domain/command/drill';
import { viewerOf } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

/**
 * The drill-down on its own page (a link, a second screen). The role is checked here; the
 * merchant's scope is checked by the endpoint the panel reads (a 404 outside it).
 */
export const load: PageServerLoad = ({ locals, params }) => {
	const { claims } = viewerOf(locals, WALL_VIEWERS);
	return { merchantId: params.id, canDispatch: mayDispatch(claims.role) };
};
