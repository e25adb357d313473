import type { Page } from '@playwright/test';
import { TEST_PASSWORD } from './accounts';

/** Signs in through the login page as a person would. */
export async function signInPage(
	page: Page,
	webUrl: string,
	username: string,
	password = TEST_PASSWORD,
	{ expectRefusal = false } = {}
): Promise<void> {
	await page.goto(`${webUrl}/login`);
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	// Done when the browser has left the login page (its session cookie is set by then).
	if (!expectRefusal) await page.waitForURL((u) => u.pathname !== '/login');
}
