import { expect, test } from '@playwright/test';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { daysFromNow, lotOf, product } from '../helpers/order-events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';
import { openPhone } from '../helpers/phone';

// 扫码点餐 on a phone: the diner scans table 3's code, orders two dishes, pays in the sandbox and
// sees 已支付; the shop's staff sees the paid order with its table in the till's order list.

let system: TestSystem;

test.beforeAll(async () => {
	system = await startSystem();
	for (const e of [
		registered('m-a', '370102', '历下区甲店'),
		product('m-a', 'noodle', '牛肉面', 1800),
		product('m-a', 'egg', '卤蛋', 300, { category: 'dairy_eggs' }),
		product('m-a', 'soup', '酸辣汤', 800),
		lotOf('m-a', 'n-1', 'noodle', 10, daysFromNow(3)),
		lotOf('m-a', 'e-1', 'egg', 10, daysFromNow(5))
	]) {
		await publishEvent(system.js, e);
	}
});
test.afterAll(async () => {
	await system?.stop();
});

test('scan-to-order - a phone orders at table 3, pays in the sandbox; the shop sees it paid', async ({
	browser
}) => {
	const { page: phone, errors } = await openPhone(browser);

	// The stock arrives through the pipeline: reload until the menu can sell both dishes.
	await expect(async () => {
		await phone.goto(`${system.webUrl}/p/m-a/order?table=3`);
		await expect(phone.getByRole('button', { name: '加一份卤蛋' })).toBeVisible({ timeout: 500 });
		await expect(phone.getByRole('button', { name: '加一份牛肉面' })).toBeVisible({ timeout: 500 });
	}).toPass({ timeout: 30_000 });
	await expect(phone.getByRole('heading', { name: '历下区甲店' })).toBeVisible();
	await expect(phone.getByTestId('order-grade')).toContainText('食品安全等级');
	await expect(phone.getByTestId('risk-grade')).toHaveText(/^[A-D]$/);
	await expect(phone.getByTestId('order-table')).toHaveText('3 号桌');
	// No stock, no button: the soup is sold out.
	await expect(phone.locator('[data-sku="soup"]')).toContainText('已售罄');
	// Phone first: nothing wider than the screen.
	expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

	await phone.getByRole('button', { name: '加一份牛肉面' }).tap();
	await phone.getByRole('button', { name: '加一份牛肉面' }).tap();
	await phone.getByRole('button', { name: '加一份卤蛋' }).tap();
	await expect(phone.getByTestId('order-total')).toHaveText('¥39.00');
	await phone.screenshot({ path: 'test-results/table-order-menu.png' });
	await phone.getByRole('button', { name: '下单并支付' }).tap();

	await phone.waitForURL(/\/pay\/sandbox\//);
	await expect(phone.getByTestId('pay-amount')).toHaveText('¥39.00');
	await phone.screenshot({ path: 'test-results/table-order-pay.png' });
	await expect(phone.getByText('历下区甲店')).toBeVisible();
	await phone.getByRole('button', { name: '确认支付' }).tap();

	await phone.waitForURL(/\/p\/m-a\/order\/[0-9a-f-]+$/);
	await expect(phone.getByTestId('order-status')).toContainText('已支付');
	const number = (await phone.getByTestId('order-number').textContent())?.replace('订单号 ', '');
	expect(number).toMatch(/^[0-9A-F]{6}$/);
	await expect(phone.getByText('牛肉面 × 2')).toBeVisible();
	await phone.screenshot({ path: 'test-results/table-order-paid.png' });
	expect(errors).toEqual([]);

	// The shop's side: staff sign in and see the paid order of table 3.
	const till = await browser.newPage();
	await signInPage(till, system.webUrl, 'staff-a');
	await till.goto(`${system.webUrl}/m/m-a/orders`);
	const row = till.locator('[data-testid="table-order"][data-table="3"]');
	await expect(row).toHaveAttribute('data-status', 'paid');
	await expect(row).toContainText('已支付');
	await expect(row).toContainText('牛肉面 × 2');
	await expect(row).toContainText('卤蛋 × 1');
	await expect(row).toContainText('¥39.00');
	await expect(row).toContainText(number ?? 'none');
	await till.screenshot({ path: 'test-results/table-order-till.png' });
});
