import { expect, test } from '@playwright/test';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { licence, registered } from '../helpers/events';
import { eventually } from '../helpers/processor';
import { authHeaders } from '../helpers/tickets';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';

let system: TestSystem;

test.beforeAll(async () => {
	system = await startSystem();
	await publishEvent(system.js, registered('m-ra', '370102', '历下区持证店'));
	await publishEvent(system.js, licence('m-ra', '2030-12-31'));
	await publishEvent(system.js, registered('m-rb', '370102', '历下区无证店'));
	// Graded under version 1 first: only then is the change of bands what regrades them (on a
	// busy machine the first grading could otherwise come after the change, as an event's).
	for (const id of ['m-ra', 'm-rb']) {
		await eventually(
			async () => {
				const res = await fetch(`http://127.0.0.1:${system.apiPort}/api/merchants/${id}/risk`, {
					headers: await authHeaders()
				});
				return res.ok && ((await res.json()) as { settingsVersion: number }).settingsVersion === 1
					? true
					: undefined;
			},
			30_000,
			`${id} graded under version 1`
		);
	}
});
test.afterAll(async () => {
	await system?.stop();
});

test('risk settings - an admin changes the bands; the city is regraded under the new version', async ({
	page
}) => {
	await signInPage(page, system.webUrl, 'root');
	await page.goto(`${system.webUrl}/admin/risk`);
	await expect(page.getByRole('heading', { name: '风险分级设置' })).toBeVisible();
	const status = page.getByTestId('risk-status');
	await expect(status).toContainText('当前第 1 版');

	// Inconsistent bands are refused, with the reason, and what was typed stays.
	await page.getByLabel('B 级最高分').fill('20');
	await page.getByLabel('修改原因').fill('试算');
	await page.getByRole('button', { name: '保存为新版本' }).click();
	await expect(page.getByRole('alert')).toContainText('bMax must be above aMax');
	await expect(page.getByLabel('B 级最高分')).toHaveValue('20');
	await expect(status).toContainText('当前第 1 版');

	// Bands that put a licensed restaurant (10 points) in B.
	await page.getByLabel('A 级最高分').fill('5');
	await page.getByLabel('B 级最高分').fill('45');
	await page.getByLabel('修改原因').fill('收紧 A 级分数线');
	await page.getByRole('button', { name: '保存为新版本' }).click();
	await expect(status).toContainText('已保存为第 2 版');
	await expect(status).toContainText('当前第 2 版', { timeout: 30_000 });
	await expect(status).toContainText('全部商户已按当前版本评分', { timeout: 30_000 });
	await expect(page.getByRole('row', { name: /v2.*收紧 A 级分数线/ })).toBeVisible();

	// The registry's grade filter sees the new grades.
	await page.goto(`${system.webUrl}/registry?grade=B`);
	await expect(page.getByRole('link', { name: '历下区持证店' })).toBeVisible();
	await expect(page.getByRole('link', { name: '历下区无证店' })).toHaveCount(0);
	await page.getByRole('link', { name: '历下区持证店' }).click();
	await page.waitForURL('**/registry/m-ra');
	await page.goto(`${system.webUrl}/registry/m-ra?tab=risk`);
	await expect(page.getByTestId('risk-history')).toContainText('评分规则调整 · v2');
});
