import { expect, test } from '@playwright/test';
import { alertDetail, alertPage } from '../../src/lib/domain/alerts/read-model';
import { makeEvent, publishEvent, publishMany } from '../../src/lib/server/backbone/publisher';
import { registered, staffMember } from '../helpers/events';
import { openUnhydrated } from '../helpers/hydration';
import { daysFromNow, lotOf } from '../helpers/order-events';
import { openPhone } from '../helpers/phone';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';

// On a slow phone a person types into the server's HTML before the app's scripts arrive. The
// app taking over the page (hydration) must keep what was typed: Svelte writes an input's
// `value={…}` into the box as it hydrates, so forms give their boxes a defaultValue or a binding.

let system: TestSystem;
const M = 'm-a';
const D = '370102';
test.beforeAll(async () => {
	system = await startSystem();
	await publishMany(system.js, [
		registered(M, D, '历下区甲店'),
		staffMember(M, 's-1', '张小三'),
		staffMember(M, 's-2', '李四'),
		// Milk on the shelf, so the stock page has its movement form.
		lotOf(M, 'lot-soon', 'milk', 4, daysFromNow(3)),
		lotOf(M, 'lot-late', 'milk', 10, daysFromNow(9))
	]);
});
test.afterAll(async () => {
	await system?.stop();
});

test('typed before hydration - the shop owner’s product form keeps what was typed', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInPage(page, system.webUrl, 'own-ab');
	const app = await openUnhydrated(page, `${system.webUrl}/m/${M}/products`);
	await page.getByLabel('商品编码').fill('tea');
	await page.getByLabel('名称').fill('大麦茶');
	await page.getByLabel('单位').fill('壶');
	await app.hydrate();
	await expect(page.getByLabel('商品编码')).toHaveValue('tea');
	await expect(page.getByLabel('名称')).toHaveValue('大麦茶');
	await expect(page.getByLabel('单位')).toHaveValue('壶');
	expect(errors).toEqual([]);
});

test('typed before hydration - the morning check on a phone keeps the ticks and the temperature', async ({
	browser
}) => {
	const { page, errors } = await openPhone(browser);
	await signInPage(page, system.webUrl, 'staff-a');
	const app = await openUnhydrated(page, `${system.webUrl}/m/${M}/morning-check`);
	const rows = page.getByTestId('staff-row');
	await rows.filter({ hasText: '李四' }).getByLabel('在岗').uncheck();
	await page.getByLabel('张小三 体温 °C').fill('37.9');
	const zhang = rows.filter({ hasText: '张小三' });
	await zhang.locator('summary').click();
	await zhang.getByLabel('腹泻').check();
	await app.hydrate();
	await expect(rows.filter({ hasText: '李四' }).getByLabel('在岗')).not.toBeChecked();
	await expect(page.getByLabel('张小三 体温 °C')).toHaveValue('37.9');
	await expect(zhang.getByLabel('腹泻')).toBeChecked();
	// The app's own state took them over too: two people are exceptions.
	await expect(page.getByRole('button', { name: '提交晨检（2 人异常）' })).toBeVisible();
	expect(errors).toEqual([]);
});

test('typed before hydration - the disinfection form on a phone keeps its picks', async ({
	browser
}) => {
	const { page, errors } = await openPhone(browser);
	await signInPage(page, system.webUrl, 'staff-a');
	const app = await openUnhydrated(page, `${system.webUrl}/m/${M}/disinfection`);
	await page.getByLabel('区域', { exact: true }).check();
	await page.getByLabel('具体名称').fill('后厨操作台');
	await page.getByLabel('紫外线').check();
	await page.getByLabel('操作人').selectOption('李四');
	await app.hydrate();
	await expect(page.getByLabel('区域', { exact: true })).toBeChecked();
	await expect(page.getByLabel('具体名称')).toHaveValue('后厨操作台');
	await expect(page.getByLabel('紫外线')).toBeChecked();
	await expect(page.getByLabel('蒸汽')).not.toBeChecked();
	await expect(page.getByLabel('操作人')).toHaveValue('李四');
	expect(errors).toEqual([]);
});

test('typed before hydration - the sample form on a phone keeps the meal, dish and keeper', async ({
	browser
}) => {
	const { page, errors } = await openPhone(browser);
	await signInPage(page, system.webUrl, 'staff-a');
	const app = await openUnhydrated(page, `${system.webUrl}/m/${M}/sample`);
	await page.getByLabel('其他').check();
	await page.getByLabel('菜品名称').fill('宫保鸡丁');
	await page.getByLabel('留样重量（克）').fill('180');
	await page.getByLabel('留样人').selectOption('张小三');
	await app.hydrate();
	await expect(page.getByLabel('其他')).toBeChecked();
	await expect(page.getByLabel('菜品名称')).toHaveValue('宫保鸡丁');
	await expect(page.getByLabel('留样重量（克）')).toHaveValue('180');
	await expect(page.getByLabel('留样人')).toHaveValue('张小三');
	expect(errors).toEqual([]);
});

test('typed before hydration - the stock movement form keeps the lot, kind, quantity and reason', async ({
	browser
}) => {
	const { page, errors } = await openPhone(browser);
	await signInPage(page, system.webUrl, 'own-ab');
	const app = await openUnhydrated(page, `${system.webUrl}/m/${M}/stock`);
	await page.getByLabel('批次').selectOption('lot-late');
	await page.getByLabel('类型').selectOption('return');
	await page.getByRole('textbox', { name: '数量' }).fill('3');
	await page.getByLabel('原因').fill('包装破损退回供应商');
	await app.hydrate();
	await expect(page.getByLabel('批次')).toHaveValue('lot-late');
	await expect(page.getByLabel('类型')).toHaveValue('return');
	await expect(page.getByRole('textbox', { name: '数量' })).toHaveValue('3');
	await expect(page.getByLabel('原因')).toHaveValue('包装破损退回供应商');
	expect(errors).toEqual([]);
});

test('typed before hydration - the supplier form keeps what was typed', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInPage(page, system.webUrl, 'own-ab');
	const app = await openUnhydrated(page, `${system.webUrl}/m/${M}/suppliers`);
	await page.getByLabel('名称').fill('济南鲜达食品有限公司');
	await page.getByLabel('许可证号').fill('JY13701020001');
	await page.getByLabel('联系人').fill('王经理');
	await page.getByLabel('联系电话').fill('13800000000');
	await app.hydrate();
	await expect(page.getByLabel('名称')).toHaveValue('济南鲜达食品有限公司');
	await expect(page.getByLabel('许可证号')).toHaveValue('JY13701020001');
	await expect(page.getByLabel('联系人')).toHaveValue('王经理');
	await expect(page.getByLabel('联系电话')).toHaveValue('13800000000');
	expect(errors).toEqual([]);
});

test('typed before hydration - the camera form keeps the name, area and source picked', async ({
	browser
}) => {
	const { page, errors } = await openPhone(browser);
	await signInPage(page, system.webUrl, 'own-ab');
	const app = await openUnhydrated(page, `${system.webUrl}/m/${M}/cameras`);
	await page.getByLabel('名称（如：后厨灶台）').fill('后厨灶台');
	await page.getByLabel('区域').selectOption('cooking');
	await page.getByRole('radio', { name: '网络摄像头（RTSP）' }).check();
	await app.hydrate();
	await expect(page.getByLabel('名称（如：后厨灶台）')).toHaveValue('后厨灶台');
	await expect(page.getByLabel('区域')).toHaveValue('cooking');
	await expect(page.getByRole('radio', { name: '网络摄像头（RTSP）' })).toBeChecked();
	// The app knows the pick: the address box for a network camera is shown.
	await expect(page.getByLabel('RTSP 地址')).toBeVisible();
	expect(errors).toEqual([]);
});

test('typed before hydration - the rectification note on a phone keeps what was typed', async ({
	browser
}) => {
	const readApi = async (path: string) =>
		(
			await fetch(`http://127.0.0.1:${system.apiPort}${path}`, { headers: await authHeaders() })
		).json();
	// A detection raises an alert; the district's supervisor sends the shop a notice to fix it.
	await publishEvent(
		system.js,
		makeEvent({
			type: 'ai.detection.reported',
			merchantId: M,
			districtId: D,
			actor: { kind: 'device', id: 'analytics-1' },
			payload: { sourceId: 'cam-1', label: 'no_mask', confidence: 0.7 }
		})
	);
	let id = '';
	await expect
		.poll(async () => {
			const page = alertPage.parse(await readApi(`/api/alerts?merchantId=${M}`));
			id = page.items.find((a) => a.facts.label === 'no_mask')?.id ?? '';
			return id;
		})
		.not.toBe('');
	const office = await browser.newPage();
	await signInPage(office, system.webUrl, 'sup-a');
	// As the alert page's buttons do: acknowledged first, then the notice with its deadline.
	const act = async (step: Record<string, string>) => {
		const res = await office.request.post(`${system.webUrl}/alerts?/act`, {
			headers: { origin: system.webUrl, accept: 'application/json', 'x-sveltekit-action': 'true' },
			multipart: { ...step, id }
		});
		expect(await res.json()).toMatchObject({ type: 'success' });
	};
	const status = async () =>
		alertDetail.parse(await readApi(`/api/alerts/${encodeURIComponent(id)}`)).alert.status;
	await act({ kind: 'acknowledge' });
	await expect.poll(status).toBe('acknowledged');
	await act({
		kind: 'notify',
		deadline: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 16),
		notice: '后厨人员须佩戴口罩，3 日内整改'
	});
	await expect.poll(status).toBe('notified');

	const { page, errors } = await openPhone(browser);
	await signInPage(page, system.webUrl, 'staff-a');
	const app = await openUnhydrated(
		page,
		`${system.webUrl}/m/${M}/rectification/${encodeURIComponent(id)}`
	);
	await page.getByLabel('整改情况说明').fill('已为全体员工配发口罩并培训');
	await app.hydrate();
	await expect(page.getByLabel('整改情况说明')).toHaveValue('已为全体员工配发口罩并培训');
	expect(errors).toEqual([]);
});
