import { homeOf } from '$lib/domain/auth/pages';
import type { LayoutServerLoad } from './$types';

/** Who is signed in, as much as every page's header needs (no claims, no session id). */
export const load: LayoutServerLoad = ({ locals }) => {
	const v = locals.viewer;
	return {
		viewer: v && {
			username: v.user.username,
			displayName: v.user.displayName,
			role: v.user.role,
			districts: v.claims.districts,
			home: homeOf(v.claims)
		}
	};
};
