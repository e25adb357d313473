import type { Browser, Page } from '@playwright/test';

/** A phone as the shops and the diners hold one: a 390×844 touch screen. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A phone page that collects the page's script errors (the tests end expecting none). */
export async function openPhone(browser: Browser): Promise<{ page: Page; errors: string[] }> {
	const page = await browser.newPage(PHONE);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	return { page, errors };
}
