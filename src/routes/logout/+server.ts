import { error, redirect } from '@sveltejs/kit';
import { accountServices, clearSessionCookie } from '$lib/server/accounts/web';
import type { RequestHandler } from './$types';

/**
 * Signing out is a POST (a link or an image on another page must not sign anyone out), from
 * this site only.
 */
export const POST: RequestHandler = async ({ locals, cookies, url, request, getClientAddress }) => {
	// Kit checks the origin of form posts only; a bodiless POST from another site is refused here.
	const origin = request.headers.get('origin');
	const site = request.headers.get('sec-fetch-site');
	if (origin !== url.origin && site !== 'same-origin') error(403, 'cross-site sign-out refused');
	const v = locals.viewer;
	if (v?.user) {
		const services = await accountServices();
		await services.signIn.signOut(v.user.username, v.sessionId, getClientAddress());
	}
	clearSessionCookie(cookies, url);
	redirect(303, '/login');
};
