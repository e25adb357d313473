import { expect, test } from '@playwright/test';
import type { TillSale } from '../../src/lib/domain/events/till';
import { eventList } from '../../src/lib/domain/read-model';
import { localDay } from '../../src/lib/domain/time';
import { makeEvent, publishMany } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';

let system: TestSystem;
const M = 'm-a';
const D = '370102';
const shop = { kind: 'merchant' as const, id: 'own-ab' };
const today = localDay(Date.now());
const day = (offset: number) =>
	new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const purchase = (lotId: string, quantity: number, expiresOn: string) =>
	makeEvent({
		type: 'ledger.purchase.recorded',
		merchantId: M,
		districtId: D,
		actor: shop,
		payload: {
			lotId,
			supplierId: 'sup-xd',
			supplierName: '济南鲜达食品有限公司',
			sku: 'milk',
			productName: '鲜牛奶 1L',
			quantity,
			unit: '盒',
			productionDate: day(-10),
			expiresOn
		}
	});

test.beforeAll(async () => {
	system = await startSystem();
	await publishMany(system.js, [
		registered(M, D, '历下区甲店'),
		makeEvent({
			type: 'stock.product.upserted',
			merchantId: M,
			districtId: D,
			actor: shop,
			payload: {
				sku: 'milk',
				name: '鲜牛奶 1L',
				category: 'dairy_eggs',
				shelfLifeDays: 15,
				storage: 'chilled',
				unit: '盒',
				priceFen: 1_290
			}
		}),
		purchase('lot-soon', 2, day(2)),
		purchase('lot-late', 10, day(9))
	]);
});
test.afterAll(async () => {
	await system?.stop();
});

test('till - staff pick a product, pay by sandbox mobile pay, and the sale takes the first-expiring lot first', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInPage(page, system.webUrl, 'staff-a');
	await page.goto(`${system.webUrl}/m/${M}/till`);
	const milk = page.getByTestId('till-products').locator('[data-sku="milk"]');
	await expect(milk).toContainText('可售 12');
	for (let i = 0; i < 3; i++) await milk.getByRole('button', { name: '加一' }).click();
	await expect(page.getByTestId('qty-milk')).toHaveText('3');
	await expect(page.getByTestId('till-total')).toHaveText('合计 ¥38.70');
	await page.getByLabel('移动支付（沙箱）').check();
	await page.screenshot({ path: 'test-results/till-cart.png', fullPage: true });
	await page.getByRole('button', { name: '收款' }).click();

	await expect(page.getByRole('status').filter({ hasText: '已收款' })).toContainText('¥38.70');
	await expect(page.getByTestId('till-sold')).toContainText('lot-soon');
	await expect(page.getByTestId('till-sold')).toContainText('lot-late');
	// The cart is empty again and the stock shows what is left.
	await expect(page.getByTestId('qty-milk')).toHaveText('0');
	await expect(milk).toContainText('可售 9');
	await page.screenshot({ path: 'test-results/till-sold.png', fullPage: true });

	const res = await fetch(
		`http://127.0.0.1:${system.apiPort}/api/events?merchantId=${M}&type=till.sale.recorded`,
		{ headers: await authHeaders() }
	);
	const [sale] = eventList.parse(await res.json()).items;
	expect((sale?.payload as TillSale).lines.map((l) => [l.lotId, l.quantity])).toEqual([
		['lot-soon', 2],
		['lot-late', 1]
	]);
	expect(errors).toEqual([]);

	await page.goto(`${system.webUrl}/m/${M}/stock`);
	await expect(page.getByTestId('lots').locator('[data-lot="lot-soon"]')).toHaveAttribute(
		'data-state',
		'near_expiry'
	);
	await page.screenshot({ path: 'test-results/stock.png', fullPage: true });
});
