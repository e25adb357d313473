import { viewerOf } from '$lib/server/auth/guard';
import { screenStore } from '$lib/server/screens/web';
import type { PageServerLoad } from './$types';

/** The configured wall screens, their kiosk tokens' state and when each was last seen. */
export const load: PageServerLoad = async ({ locals }) => {
	viewerOf(locals, ['admin']);
	return { screens: await (await screenStore()).list() };
};
