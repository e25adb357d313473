import { json } from '@sveltejs/kit';
import { viewerOf, WALL_VIEWERS } from '$lib/server/auth/guard';
import { ticketFor } from '$lib/server/auth/viewer';
import { config } from '$lib/server/config';
import type { RequestHandler } from './$types';

/**
 * Where the browser finds the live gateway (configured, or the page's host on the API port),
 * and the ticket it shows there: the gateway lets it join only the rooms the ticket allows.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const { PUBLIC_GATEWAY_URL, API_PORT } = config();
	return json(
		{
			gatewayUrl: PUBLIC_GATEWAY_URL ?? null,
			gatewayPort: API_PORT,
			ticket: await ticketFor(viewerOf(locals, WALL_VIEWERS).claims, 'gateway')
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
