import { expect, test } from '@playwright/test';
import { publishMany } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';

let system: TestSystem;
const M = 'm-a';

test.beforeAll(async () => {
	system = await startSystem();
	await publishMany(system.js, [registered(M, '370102', '历下区甲店')]);
});
test.afterAll(async () => {
	await system?.stop();
});

test('catalogue - a bad price is named by its label and marked; the fixed form saves', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInPage(page, system.webUrl, 'own-ab');
	// Hydrated before typing: hydration would otherwise reset what was typed (flaky under load).
	await page.goto(`${system.webUrl}/m/${M}/products`, { waitUntil: 'networkidle' });
	await expect(page.getByText('还没有商品。')).toBeVisible();
	await page.getByLabel('商品编码').fill('tea');
	await page.getByLabel('名称').fill('大麦茶');
	await page.getByLabel('保质期（天）').fill('365');
	await page.getByLabel('单位').fill('壶');
	await page.getByLabel('菜单价格（元）').fill('12,5');
	await page.getByRole('button', { name: '保存商品' }).click();

	const problem = page.getByRole('alert');
	await expect(problem).toHaveText('有 1 项需要修改：菜单价格（元）');
	await expect(page.getByLabel('菜单价格（元）')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('名称')).toHaveAttribute('aria-invalid', 'false');
	// What was typed stays for the owner to fix.
	await expect(page.getByLabel('名称')).toHaveValue('大麦茶');
	await page.screenshot({ path: 'test-results/catalogue-refused.png', fullPage: true });

	await page.getByLabel('菜单价格（元）').fill('12.5');
	await page.getByRole('button', { name: '保存商品' }).click();
	await expect(page.getByRole('status')).toHaveText('已保存。');
	const tea = page.getByTestId('products').locator('[data-key="tea"]');
	await expect(tea).toContainText('¥12.50/壶');
	// Editing fills the form from the entry; the code cannot change.
	await tea.getByRole('button', { name: '编辑' }).click();
	await expect(page.getByRole('heading', { name: '编辑 · 大麦茶' })).toBeVisible();
	await expect(page.getByLabel('商品编码')).toHaveValue('tea');
	await expect(page.getByLabel('商品编码')).toHaveAttribute('readonly', '');
	// A saved edit: the list and the form both show the new price, not the one picked.
	await page.getByLabel('菜单价格（元）').fill('13');
	await page.getByRole('button', { name: '保存商品' }).click();
	await expect(tea).toContainText('¥13.00/壶');
	await expect(page.getByLabel('菜单价格（元）')).toHaveValue('13.00');

	await page.goto(`${system.webUrl}/m/${M}/suppliers`, { waitUntil: 'networkidle' });
	await page.getByLabel('名称').fill('济南鲜达食品有限公司');
	await page.getByLabel('许可证号').fill('JY13701020001');
	await page.getByLabel('联系人').fill('王经理');
	await page.getByRole('button', { name: '保存供应商' }).click();
	await expect(page.getByRole('alert')).toHaveText('有 1 项需要修改：联系人和电话');
	await expect(page.getByLabel('联系电话')).toHaveAttribute('aria-invalid', 'true');
	await page.getByLabel('联系电话').fill('13800000000');
	await page.getByRole('button', { name: '保存供应商' }).click();
	await expect(page.getByTestId('suppliers')).toContainText('济南鲜达食品有限公司');
	await page.screenshot({ path: 'test-results/catalogue-suppliers.png', fullPage: true });
	expect(errors).toEqual([]);
});
