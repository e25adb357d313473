import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { makeEvent, publishMany } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';
import { BATCH, SKU, SUPPLIER, traceChain } from '../helpers/trace-chain';

// 追溯与召回 in the browser: the supervisor traces the lot, exports it, opens the recall; the
// shop reads the notice and reports its lot; the progress page reaches 100 % for that shop.

let system: TestSystem;
const shot = (name: string) => `scratch/recall-${name}.png`;

test.beforeAll(async () => {
	system = await startSystem();
	await publishMany(system.js, [
		...traceChain(),
		// A diner fell ill after a meal at 历下乙店 on 5 March (its alert leads to the backward trace).
		makeEvent({
			type: 'complaint.filed',
			merchantId: 'm-tb',
			districtId: '370102',
			actor: { kind: 'public', id: 'qr' },
			payload: {
				complaintId: 'c-recall-1',
				category: 'illness',
				text: '吃完腹泻',
				channel: 'qr_page',
				happenedOn: '2026-03-05'
			}
		}),
		registered('m-a', '370102', '历下区甲店'),
		makeEvent({
			type: 'ledger.purchase.recorded',
			merchantId: 'm-a',
			districtId: '370102',
			actor: { kind: 'merchant', id: 'own-ab' },
			occurredAt: '2026-03-02T04:00:00.000Z',
			payload: {
				lotId: 'lot-ma1',
				supplierId: SUPPLIER,
				supplierName: '济南鲜达食品有限公司',
				sku: SKU,
				productName: '鲜牛奶 1L',
				quantity: 6,
				unit: '盒',
				productionDate: '2026-03-01',
				expiresOn: '2026-03-15',
				batchNo: BATCH
			}
		})
	]);
});
test.afterAll(async () => {
	await system?.stop();
});

test('recall - the supplier alone lists its batches; one of them is traced with a click', async ({
	browser
}) => {
	const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
	await signInPage(page, system.webUrl, 'sup-a');
	const batches = page.getByTestId('supplier-batches');
	// The events may still be on their way to the store: the list fills on a later visit.
	await expect(async () => {
		await page.goto(`${system.webUrl}/recalls`);
		await page.getByLabel('供货者（名称或编号）').fill('鲜达');
		await page.getByRole('button', { name: '追溯', exact: true }).click();
		await expect(batches.getByRole('row')).toHaveCount(3, { timeout: 2_000 });
		// m-a's own delivery of B-0417 is stored too (40 + 25 + 6).
		await expect(batches.getByRole('row').nth(1)).toContainText('71 盒', { timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
	await expect(batches.getByRole('heading')).toHaveText('济南鲜达食品有限公司 的供货批次');
	// 历下 only, the latest delivered first: B-0417 reached m-ta, m-tb and m-a (40 + 25 + 6).
	const first = batches.getByRole('row').nth(1);
	await expect(first).toContainText(BATCH);
	await expect(batches.getByRole('row').nth(2)).toContainText('B-0501');
	await expect(page.getByText('追溯条件不完整')).toHaveCount(0);
	await page.screenshot({ path: shot('batches'), fullPage: true });
	await first.getByRole('link', { name: '追溯此批次' }).click();
	await expect(page.getByRole('heading', { name: '3 家门店收到该批次' })).toBeVisible();
	expect(new URL(page.url()).searchParams.get('batchNo')).toBe(BATCH);
	await expect(batches).toHaveCount(0);
	// A supplier id that is no id is an incomplete trace, not a server error.
	const odd = await page.goto(`${system.webUrl}/recalls?supplierId=${encodeURIComponent('a b')}`);
	expect(odd?.status()).toBe(200);
	await expect(page.getByText('追溯条件不完整')).toBeVisible();
});

test('recall - a supervisor traces and recalls a lot; the shop reports it; progress shows it', async ({
	browser
}) => {
	const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
	await signInPage(page, system.webUrl, 'sup-a');
	await page.goto(`${system.webUrl}/recalls`);
	// The officer names the supplier as the goods' papers do; one match becomes its id.
	await page.getByLabel('供货者（名称或编号）').fill('鲜达');
	await page.getByLabel('批号').fill(BATCH);
	await page.getByRole('button', { name: '追溯', exact: true }).click();
	// 历下 only: m-ta, m-tb and m-a (m-tc is in 市中).
	await expect(page.getByRole('heading', { name: '3 家门店收到该批次' })).toBeVisible({
		timeout: 30_000
	});
	await expect(page.locator('tfoot')).toContainText('44.5');
	expect(new URL(page.url()).searchParams.get('supplierId')).toBe(SUPPLIER);
	await expect(page.getByLabel('供货者（名称或编号）')).toHaveValue('济南鲜达食品有限公司');
	await page.screenshot({ path: shot('trace'), fullPage: true });

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 Excel' }).click();
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile(await (await download).path());
	expect(wb.worksheets[0]?.rowCount).toBe(4);

	await page.getByLabel('标题').fill('鲜牛奶 B-0417 批次召回');
	await page.getByLabel('召回原因').fill('抽检检出致病菌，立即停止销售');
	await page.getByLabel('公示内容（显示在门店公示页）').fill('本店已下架鲜牛奶 B-0417 批次');
	await page.getByRole('button', { name: '发起召回' }).click();
	await expect(page.getByRole('heading', { name: '鲜牛奶 B-0417 批次召回' })).toBeVisible();
	await expect(page.getByText('0 / 3 家门店完成')).toBeVisible();
	await expect(page.getByTestId('recall-deadlines')).toContainText('完成时限');
	await expect(page.getByTestId('recall-deadlines')).toContainText('（10 个工作日）');
	await expect(page.getByTestId('recall-deadlines')).not.toContainText('已逾期');
	const progressUrl = page.url();

	const shop = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
	await signInPage(shop, system.webUrl, 'own-ab');
	await shop.goto(`${system.webUrl}/m/m-a/recalls`);
	await expect(shop.getByText('鲜牛奶 B-0417 批次召回')).toBeVisible();
	await shop.getByRole('button', { name: '确认收到' }).click();
	await expect(shop.getByText('已确认', { exact: false }).first()).toBeVisible();
	await shop.getByLabel('下架数量').fill('6');
	await shop.getByRole('button', { name: '登记' }).click();
	await expect(shop.getByText('已登记')).toBeVisible();
	await shop.screenshot({ path: shot('shop'), fullPage: true });

	await page.goto(progressUrl);
	await expect(page.getByText('1 / 3 家门店完成')).toBeVisible();
	await page.screenshot({ path: shot('progress'), fullPage: true });

	// 结束召回: the supervisor ends it with a note; the shop's notice board is empty again.
	await page.getByLabel('结束原因').fill('问题批次已全部下架，召回结束');
	await page.getByRole('button', { name: '结束召回' }).click();
	await expect(page.getByText(/已于 .* 结束/)).toBeVisible();
	await expect(page.getByRole('button', { name: '结束召回' })).toHaveCount(0);
	await page.screenshot({ path: shot('closed'), fullPage: true });
	await page.goto(`${system.webUrl}/recalls`);
	await expect(
		page.getByRole('row', { name: /鲜牛奶 B-0417 批次召回/ }).getByTestId('recall-status')
	).toHaveText(/已于 .* 结束/);
	await shop.goto(`${system.webUrl}/m/m-a/recalls`);
	await expect(shop.getByText('鲜牛奶 B-0417 批次召回')).toHaveCount(0);
});

test('recall - a complaint about a shop: its name → the lots it used around that day → a lot’s forward trace', async ({
	browser
}) => {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await signInPage(page, system.webUrl, 'sup-a');
	await page.goto(`${system.webUrl}/recalls`);
	const entry = page.getByTestId('backward-entry');
	await entry.getByLabel('门店（名称或编号）').fill('乙店');
	await entry.getByLabel('日期（发病或就餐日）').fill('2026-03-05');
	await entry.getByRole('button', { name: '反向追溯' }).click();

	// One shop matches: its own address, the window of the day and the 3 before.
	await expect(page.getByRole('heading', { name: '历下乙店' })).toBeVisible({ timeout: 30_000 });
	expect(new URL(page.url()).searchParams.get('merchantId')).toBe('m-tb');
	await expect(page.getByText('追溯时段：2026-03-02 至 2026-03-05（4 天）')).toBeVisible();
	await expect(page.getByText(/默认时段/)).toBeVisible();
	const lots = page.getByTestId('backward-lots').locator('tbody tr');
	await expect(lots).toHaveCount(2);
	await expect(lots.nth(0)).toContainText('另一家供应商');
	await expect(lots.nth(1)).toContainText(BATCH);
	await expect(lots.nth(1)).toContainText('12 盒');
	// The other shops 济南鲜达 delivered B-0417 to, in 历下 (sup-a's district).
	const xd = page.getByTestId('backward-supplier').filter({ hasText: SUPPLIER });
	await expect(xd.getByRole('link', { name: '历下甲店' })).toBeVisible();
	await expect(xd.getByRole('link', { name: '历下区甲店' })).toBeVisible();
	await page.screenshot({ path: shot('backward'), fullPage: true });

	// A window too long is said so, not a crash.
	await page.getByLabel('起始日期（可选）').fill('2025-11-01');
	await page.getByRole('button', { name: '追溯', exact: true }).click();
	await expect(page.getByText('时段超过 90 天，请缩短后再追溯。')).toBeVisible();
	// Also when the shop came by id (a link from the register or an alert): its name shows.
	await page.goto(
		`${system.webUrl}/recalls/backward?merchantId=m-tb&from=2025-11-01&to=2026-03-05`
	);
	await expect(page.getByText('时段超过 90 天，请缩短后再追溯。')).toBeVisible();
	await expect(page.getByLabel('门店（名称或编号）')).toHaveValue('历下乙店');
	// One date alone is the day of the case, whichever box it came in: the window is worked out,
	// and the start box stays empty rather than showing the day as the window's start.
	await page.goto(`${system.webUrl}/recalls/backward?merchantId=m-tb&from=2026-03-05`);
	await expect(page.getByText('追溯时段：2026-03-02 至 2026-03-05（4 天）')).toBeVisible();
	await expect(page.getByLabel('日期（发病或就餐日）')).toHaveValue('2026-03-05');
	await expect(page.getByLabel('起始日期（可选）')).toHaveValue('');

	// Several shops match a name: a list to pick from.
	await page.goto(
		`${system.webUrl}/recalls/backward?shop=${encodeURIComponent('历下')}&to=2026-03-05`
	);
	await expect(page.getByText('找到多家门店，请选择：')).toBeVisible();
	await page.getByRole('link', { name: '历下乙店' }).click();
	await expect(page.getByRole('heading', { name: '历下乙店' })).toBeVisible();

	// From the lot to everyone who received the same supplier lot.
	await lots.nth(1).getByRole('link', { name: '正向追溯' }).click();
	await expect(page.getByRole('heading', { name: '3 家门店收到该批次' })).toBeVisible();
	expect(new URL(page.url()).searchParams.get('batchNo')).toBe(BATCH);
	await page.screenshot({ path: shot('backward-forward'), fullPage: true });

	// The shop's page in the register leads here too.
	await page.goto(`${system.webUrl}/registry/m-tb`);
	await page.getByTestId('backward-link').click();
	await expect(page.getByRole('heading', { name: '历下乙店' })).toBeVisible();

	// So does the complaint's alert: around the day the complainant gave.
	await page.goto(`${system.webUrl}/alerts`);
	await page.getByRole('link', { name: '告警列表' }).first().click();
	await page.getByRole('link', { name: /投诉/ }).filter({ hasNotText: '投诉举报' }).first().click();
	await page.getByTestId('backward-link').click();
	await expect(page.getByText('追溯时段：2026-03-02 至 2026-03-05（4 天）')).toBeVisible();
	expect(new URL(page.url()).searchParams.get('merchantId')).toBe('m-tb');
});

test('recall - one opened in March and never read is overdue in the list and on its page', async ({
	browser
}) => {
	await publishMany(system.js, [
		makeEvent({
			type: 'recall.opened',
			merchantId: 'm-tb',
			districtId: '370102',
			actor: { kind: 'supervisor', id: 'sup-a' },
			occurredAt: '2026-03-06T02:00:00.000Z',
			payload: {
				recallId: 'rc-march',
				title: '三月的召回',
				reason: '抽检不合格',
				level: '2',
				lots: [{ supplierId: 'sup-other', batchNo: 'Y-1' }],
				merchantLotIds: ['lot-by'],
				publicNotice: '本店已下架'
			}
		})
	]);
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	await signInPage(page, system.webUrl, 'sup-a');
	const row = page.getByRole('row', { name: /三月的召回/ });
	await expect(async () => {
		await page.goto(`${system.webUrl}/recalls`);
		await expect(row).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
	await expect(row.getByTestId('recall-status')).toHaveText('进行中 · 已逾期');
	await row.getByRole('link', { name: '三月的召回' }).click();
	// 二级: 48 hours to read, 20 working days to finish (Mon 9 March … Fri 3 April).
	const deadlines = page.getByTestId('recall-deadlines');
	await expect(deadlines).toContainText('门店确认时限 2026-03-08 10:00');
	await expect(deadlines).toContainText('完成时限 2026-04-03（20 个工作日）');
	await expect(deadlines).toContainText('已逾期');
	await expect(page.getByRole('row', { name: /历下乙店/ })).toContainText('逾期未确认');
	await page.screenshot({ path: shot('overdue'), fullPage: true });
});
