import type { Handle } from '@sveltejs/kit';

/**
 * Cache-Control for a public page. Shared caches (a CDN, a proxy) may keep it for a minute only
 * when the request carried no cookie: then the page holds nothing of a person (the layout's
 * viewer is null). A signed-in visitor's copy names them, so it is private to their browser.
 */
export function publicCacheControl(request: Request, viewer: unknown): string {
	const anonymous = !viewer && !request.headers.get('cookie');
	return anonymous ? 'public, max-age=60' : 'private, max-age=60';
}

/** How long a rendered shop page is served again; with the data's own minute, ≤ 2 min old. */
const HTML_TTL_MS = 30_000;
const MAX_PAGES = 5_000;

/**
 * The pages a QR scan or an embedding site asks for, by a shop id, and the search's first page
 * (its city map) without a query: the same for every visitor.
 */
const CACHED_PATHS = [
	/^\/p$/,
	/^\/p\/[A-Za-z0-9_-]{1,64}\/?$/,
	/^\/embed\/merchant\/[A-Za-z0-9_-]{1,64}\/?$/
];

interface Page {
	at: number;
	body: string;
	headers: [string, string][];
}

/**
 * Rendered public pages, kept whole (with the headers the other hooks set) for visitors
 * without a cookie, so a crowd at the door costs one render per half minute, not one each.
 * Only anonymous 200s without Set-Cookie are kept: nothing personal can be in them. The tracking
 * page (`/p/track/…`) has two segments and never matches.
 */
const pages = new Map<string, Page>();

export const cachePublicPages: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	const cacheable =
		request.method === 'GET' &&
		!request.headers.has('cookie') &&
		url.search === '' &&
		CACHED_PATHS.some((p) => p.test(url.pathname));
	if (!cacheable) return resolve(event);
	const now = Date.now();
	const hit = pages.get(url.pathname);
	if (hit && now - hit.at < HTML_TTL_MS) {
		return new Response(hit.body, { status: 200, headers: hit.headers });
	}
	const response = await resolve(event);
	if (response.status !== 200 || response.headers.has('set-cookie')) return response;
	const body = await response.text();
	const headers = [...response.headers];
	pages.delete(url.pathname);
	pages.set(url.pathname, { at: now, body, headers });
	if (pages.size > MAX_PAGES) {
		const oldest = pages.keys().next().value;
		if (oldest !== undefined) pages.delete(oldest);
	}
	return new Response(body, { status: 200, headers });
};
