import { expect, test } from '@playwright/test';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered, sale } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';

let system: TestSystem;

test.beforeAll(async () => {
	system = await startSystem();
	await publishEvent(system.js, registered('m-wall-1', '370102', '泉城路老字号饭店'));
});
test.afterAll(async () => {
	await system?.stop();
});

const count = async (text: string | null) => Number((text ?? '').replace(/[^\d]/g, '') || '0');

test('command screen - live events and alerts appear without a reload; a stopped source shows stale', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInPage(page, system.webUrl, 'city');
	const response = await page.goto(`${system.webUrl}/command`);
	const headers = response?.headers() ?? {};
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	const badge = page.getByTestId('live-status');
	await expect(badge).toHaveAttribute('data-status', 'live');
	const total = page.getByTestId('total-events');
	await expect(total).toHaveText(/1/);
	const before = await count(await total.textContent());

	await publishEvent(
		system.js,
		sale('m-wall-1', { expiresOn: '2020-01-01', lotId: 'lot-expired-1' })
	);
	await expect.poll(async () => count(await total.textContent())).toBe(before + 1);
	await expect(page.getByTestId('family-count-till')).toHaveText(/1/);
	const ticker = page.getByTestId('alert-ticker');
	await expect(ticker.getByTestId('alert-item').first()).toContainText('泉城路老字号饭店');
	await expect(page.getByTestId('open-alerts-critical')).toHaveText(/1/);

	// Freeze the processor: the socket stays open but nothing arrives any more.
	system.processor.kill('SIGSTOP');
	await expect(badge).not.toHaveAttribute('data-status', 'live', { timeout: 20_000 });
	await expect(badge).toBeVisible();
	system.processor.kill('SIGCONT');
	await expect(badge).toHaveAttribute('data-status', 'live', { timeout: 30_000 });
	expect(errors).toEqual([]);
});
