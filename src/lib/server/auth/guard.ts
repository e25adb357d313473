import { error } from '@sveltejs/kit';
import type { PersonRole, Role } from '../../domain/auth/claims';

/**
 * The signed-in viewer of this request, for loads, actions and endpoints. The hook has already
 * checked the page group; routes check again here so a route moved to another group cannot
 * open up by accident. A screen passes only where `roles` names `screen` (the wall's reads):
 * everywhere else, and without `roles`, it gets a 403 and the caller a person with an account.
 */
export function viewerOf(locals: App.Locals, roles?: readonly PersonRole[]): App.PersonViewer;
export function viewerOf(
	locals: App.Locals,
	roles: readonly Role[]
): App.PersonViewer | App.ScreenViewer;
export function viewerOf(
	locals: App.Locals,
	roles?: readonly Role[]
): App.PersonViewer | App.ScreenViewer {
	const viewer = locals.viewer;
	if (!viewer) error(401, 'sign in first');
	if (roles && !roles.includes(viewer.claims.role)) error(403, 'not for your role');
	if (!roles && !viewer.user) error(403, 'not for a screen');
	return viewer;
}

/** Who may look at the wall (`/command`, `/api/command/*`): regulators, and kiosk screens. */
export { WALL_VIEWERS } from '../../domain/command/drill';
