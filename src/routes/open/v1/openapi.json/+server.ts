import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/domain/public/open-api';
import type { RequestHandler } from './$types';

/** The open-data API's description (OpenAPI 3.1); not rate-limited, it is one static document. */
export const GET: RequestHandler = ({ url }) =>
	json(openApiDocument(url.origin), {
		headers: { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=3600' }
	});
