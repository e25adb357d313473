import { json } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import type { RequestHandler } from './$types';

/** Where the browser finds the live gateway: configured, or the page's host on the API port. */
export const GET: RequestHandler = () => {
	const { PUBLIC_GATEWAY_URL, API_PORT } = config();
	return json(
		{ gatewayUrl: PUBLIC_GATEWAY_URL ?? null, gatewayPort: API_PORT },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
