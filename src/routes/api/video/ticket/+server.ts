import { json } from '@sveltejs/kit';
import { roles } from '$lib/domain/auth/claims';
import type { VideoTicket } from '$lib/domain/video/camera-list';
import { viewerOf } from '$lib/server/auth/guard';
import { ticketFor } from '$lib/server/auth/viewer';
import { videoOrigin } from '$lib/server/video';
import type { RequestHandler } from './$types';

/**
 * Where the browser finds the video service and the ticket it shows there (`?ticket=`, audience
 * `video`): the service lets it watch only the cameras the ticket's claims allow (mayWatch).
 * Tickets live minutes: a player asks again when the service closes with 4401.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const viewer = viewerOf(locals, roles);
	return json(
		{
			videoUrl: videoOrigin(url),
			ticket: await ticketFor(viewer.claims, 'video')
		} satisfies VideoTicket,
		{ headers: { 'cache-control': 'no-store' } }
	);
};
