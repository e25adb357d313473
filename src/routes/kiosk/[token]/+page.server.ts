import { error, redirect } from '@sveltejs/kit';
import { forgetScreen, screenStore, setScreenCookie } from '$lib/server/screens/web';
import type { PageServerLoad } from './$types';

/**
 * The kiosk start URL: its token signs this browser in as its screen for a long time (the cookie
 * carries the token; the store only its hash), then the wall opens. A wall screen restarted after
 * a power cut opens this URL again, or the wall directly, and is back without a keyboard.
 */
export const load: PageServerLoad = async ({ params, cookies, url }) => {
	const result = await (await screenStore()).verify(params.token);
	if (!result.ok) error(401, `screen not authorised (${result.reason})`);
	forgetScreen(result.screen.id);
	setScreenCookie(cookies, url, params.token);
	redirect(303, '/command');
};
