import { error } from '@sveltejs/kit';
import type { Role } from '../../domain/auth/claims';

type SignedIn = NonNullable<App.Locals['viewer']>;

/**
 * The signed-in viewer of this request, for loads, actions and endpoints. The hook has already
 * checked the page group; routes check again here so a route moved to another group cannot
 * open up by accident.
 */
export function viewerOf(locals: App.Locals, roles?: readonly Role[]): SignedIn {
	const viewer = locals.viewer;
	if (!viewer) error(401, 'sign in first');
	if (roles && !roles.includes(viewer.claims.role)) error(403, 'not for your role');
	return viewer;
}
