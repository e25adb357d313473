import { expect, test } from '@playwright/test';
import { publishMany } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { openUnhydrated } from '../helpers/hydration';
import { openPhone } from '../helpers/phone';
import { eventually } from '../helpers/processor';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';

// The regulators' forms, typed into before the app's scripts arrived (a slow connection in the
// field): hydration must keep every box, pick and tick. See typed-before-hydration.spec.ts.

let system: TestSystem;
const M = 'm-a';

test.beforeAll(async () => {
	system = await startSystem();
	const shop = registered(M, '370102', '历下区甲店');
	// A credit code that passes the checksum, so that the edit form saves.
	await publishMany(system.js, [
		{ ...shop, payload: { ...shop.payload, creditCode: '91370102MA3C4XYP11' } }
	]);
	// The processor has the shop (the register and the task form's list) before a page asks.
	await eventually(async () => {
		const r = await fetch(
			`http://127.0.0.1:${system.apiPort}/api/tasks/candidates?district=370102`,
			{ headers: await authHeaders() }
		);
		return r.ok && (await r.text()).includes(M) ? true : undefined;
	}, 60_000);
});
test.afterAll(async () => {
	await system?.stop();
});

test('typed before hydration - the register’s merchant edit form keeps boxes and picks, then saves', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInPage(page, system.webUrl, 'sup-a');
	const app = await openUnhydrated(page, `${system.webUrl}/registry/${M}/edit`);
	const form = page.locator('form.merchant');
	await form.locator('[name=name]').fill('历下区甲店（新址）');
	await form.locator('[name=address]').fill('泉城路2号');
	await form.locator('[name=contactName]').fill('张经理');
	await form.locator('[name=contactPhone]').fill('13800000000');
	await form.locator('[name=scale]').selectOption('medium');
	await form.locator('[name=enterpriseRelation]').selectOption('operator');
	await app.hydrate();
	await expect(form.locator('[name=name]')).toHaveValue('历下区甲店（新址）');
	await expect(form.locator('[name=address]')).toHaveValue('泉城路2号');
	await expect(form.locator('[name=contactName]')).toHaveValue('张经理');
	await expect(form.locator('[name=contactPhone]')).toHaveValue('13800000000');
	await expect(form.locator('[name=scale]')).toHaveValue('medium');
	await expect(form.locator('[name=enterpriseRelation]')).toHaveValue('operator');
	// The untouched boxes still hold the register's values.
	await expect(form.locator('[name=creditCode]')).toHaveValue('91370102MA3C4XYP11');
	// The hydrated form saves what was typed, and the boxes keep showing it.
	await form.locator('[name=enterpriseName]').fill('甲餐饮管理有限公司');
	await form.locator('[name=enterpriseCreditCode]').fill('91370102MA3C4XYP11');
	await form.getByRole('button', { name: '保存' }).click();
	await page.waitForURL(`${system.webUrl}/registry/${M}`);
	await page.goto(`${system.webUrl}/registry/${M}/edit`);
	await expect(form.locator('[name=address]')).toHaveValue('泉城路2号');
	await expect(form.locator('[name=scale]')).toHaveValue('medium');
	expect(errors).toEqual([]);
});

test('typed before hydration - a new task keeps its title, due time, note and shop', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInPage(page, system.webUrl, 'sup-a');
	const app = await openUnhydrated(page, `${system.webUrl}/tasks/new`);
	await page.getByLabel('经营主体').selectOption(M);
	await page.getByLabel('任务名称').fill('节前专项检查');
	await page.getByLabel('截止时间').fill('2030-01-02T09:30');
	await page.getByLabel('备注').fill('重点看冷藏');
	await app.hydrate();
	await expect(page.getByLabel('经营主体')).toHaveValue(M);
	await expect(page.getByLabel('任务名称')).toHaveValue('节前专项检查');
	await expect(page.getByLabel('截止时间')).toHaveValue('2030-01-02T09:30');
	await expect(page.getByLabel('备注')).toHaveValue('重点看冷藏');
	// The hydrated page follows the shop picked before: its district's inspectors are offered.
	await expect(page.getByRole('checkbox', { name: /insp-a/ })).toBeChecked();
	expect(errors).toEqual([]);
});

test('typed before hydration - the register’s filters keep what was typed, then follow the query', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInPage(page, system.webUrl, 'sup-a');
	const app = await openUnhydrated(page, `${system.webUrl}/registry`);
	const filters = page.locator('form.filters');
	await filters.locator('[name=q]').fill('甲店');
	await filters.locator('[name=businessType]').selectOption('restaurant');
	await app.hydrate();
	await expect(filters.locator('[name=q]')).toHaveValue('甲店');
	await expect(filters.locator('[name=businessType]')).toHaveValue('restaurant');
	await filters.getByRole('button', { name: '查询' }).click();
	await page.waitForURL((u) => u.searchParams.get('q') === '甲店');
	await expect(filters.locator('[name=q]')).toHaveValue('甲店');
	// The reset link is a navigation on the same page: the boxes show the empty query again.
	await filters.getByRole('link', { name: '重置' }).click();
	await page.waitForURL((u) => !u.search);
	await expect(filters.locator('[name=q]')).toHaveValue('');
	await expect(filters.locator('[name=businessType]')).toHaveValue('');
	expect(errors).toEqual([]);
});

test('typed before hydration - the inspector’s check form comes after hydration, so nothing typed is lost', async ({
	browser
}) => {
	const { page, errors } = await openPhone(browser);
	await signInPage(page, system.webUrl, 'insp-a');
	const app = await openUnhydrated(page, `${system.webUrl}/inspect/check/${M}`);
	// The server's page has no box to type into: the form is drawn from the draft on the phone.
	await expect(page.getByRole('heading', { name: '历下区甲店' })).toBeVisible();
	await expect(page.locator('main input, main select, main textarea')).toHaveCount(0);
	await app.hydrate();
	await expect(page.locator('main[data-ready=yes]')).toBeVisible();
	await page.getByLabel('签字人姓名').fill('张三');
	await expect(page.getByLabel('签字人姓名')).toHaveValue('张三');
	expect(errors).toEqual([]);
	await page.close();
});
