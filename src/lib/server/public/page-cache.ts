/**
 * Cache-Control for a public page. Shared caches (a CDN, a proxy) may keep it for a minute only
 * when the request carried no cookie: then the page holds nothing of a person (the layout's
 * viewer is null). A signed-in visitor's copy names them, so it is private to their browser.
 */
export function publicCacheControl(request: Request, viewer: unknown): string {
	const anonymous = !viewer && !request.headers.get('cookie');
	return anonymous ? 'public, max-age=60' : 'private, max-age=60';
}
