/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';

/**
 * Keeps the inspector's phone working without a network: the app's built files are cached at
 * install, and the inspection pages are kept as last seen (network first), so a reload in a
 * basement kitchen still opens the checklist; the drafts themselves live in IndexedDB. Nothing
 * else is touched: every other page and every write go to the network as usual.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${version}`;
const PAGES = 'inspect-pages';
const shellFiles = new Set([...build, ...files]);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL)
			.then((c) => c.addAll([...shellFiles]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys.filter((k) => k.startsWith('shell-') && k !== SHELL).map((k) => caches.delete(k))
				)
			)
			.then(() => sw.clients.claim())
	);
});

/** The inspector's pages worth having offline: the list and the checklists (with their data). */
const offlinePage = (path: string) => path === '/inspect' || path.startsWith('/inspect/check/');

async function networkFirst(request: Request): Promise<Response> {
	const cache = await caches.open(PAGES);
	try {
		const response = await fetch(request);
		if (response.ok) await cache.put(request, response.clone());
		return response;
	} catch (e) {
		// Offline: the page as last seen (with another task in the query, the merchant's page).
		const hit =
			(await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }));
		if (hit) return hit;
		throw e;
	}
}

sw.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	if (url.origin !== sw.location.origin) return;
	// Signing out leaves nothing of the inspector's pages on the phone.
	if (event.request.method === 'POST' && url.pathname === '/logout') {
		event.waitUntil(caches.delete(PAGES));
		return;
	}
	if (event.request.method !== 'GET') return;
	if (shellFiles.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(event.request)));
		return;
	}
	const path = url.pathname.replace(/\/__data\.json$/, '');
	if (offlinePage(path)) event.respondWith(networkFirst(event.request));
});
