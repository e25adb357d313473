import { redirect } from '@sveltejs/kit';
import { accountServices, clearSessionCookie } from '$lib/server/accounts/web';
import type { RequestHandler } from './$types';

/**
 * Signing out is a POST (a link or an image on another page must not sign anyone out); Kit's
 * origin check refuses one posted from another site.
 */
export const POST: RequestHandler = async ({ locals, cookies, url, getClientAddress }) => {
	const v = locals.viewer;
	if (v) {
		const services = await accountServices();
		await services.signIn.signOut(v.user.username, v.sessionId, getClientAddress());
	}
	clearSessionCookie(cookies, url);
	redirect(303, '/login');
};
