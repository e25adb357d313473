import { homeOf } from '$lib/domain/auth/pages';
import type { LayoutServerLoad } from './$types';

/** Who is signed in, as much as every page's header needs (no claims, no session id). */
export const load: LayoutServerLoad = ({ locals }) => {
	const v = locals.viewer;
	return {
		viewer: v && {
			// A screen has no account: it goes by its id and the name an admin gave it.
			username: v.user?.username ?? v.claims.sub,
			displayName: v.user?.displayName ?? v.screen?.name ?? '',
			role: v.claims.role,
			districts: v.claims.districts,
			home: homeOf(v.claims)
		}
	};
};
