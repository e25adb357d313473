import type { Page } from '@playwright/test';

/**
 * Opens a page with its scripts held back, as a slow phone sees it: the server's HTML is there
 * and can be typed into, the app has not hydrated yet. `hydrate()` lets the scripts through and
 * resolves once the app has taken over the page.
 */
export async function openUnhydrated(
	page: Page,
	url: string
): Promise<{ hydrate(): Promise<void> }> {
	let release: () => void = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	const app = '**/_app/immutable/**/*.js';
	await page.route(app, async (route) => {
		await released;
		await route.continue();
	});
	await page.goto(url, { waitUntil: 'domcontentloaded' });
	return {
		hydrate: async () => {
			release();
			// The held scripts load and run; no request for half a second means the app has started.
			await page.waitForLoadState('networkidle');
			await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
		}
	};
}
