import { expect, test } from '@playwright/test';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { eventList } from '../../src/lib/domain/read-model';
import { registered, staffMember } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';

let system: TestSystem;

test.beforeAll(async () => {
	system = await startSystem();
	await publishEvent(system.js, registered('m-a', '370102', '历下区甲店'));
	await publishEvent(system.js, staffMember('m-a', 's-1', '张小三'));
	await publishEvent(system.js, staffMember('m-a', 's-2', '李四', '2026-01-31'));
});
test.afterAll(async () => {
	await system?.stop();
});

const count = async (text: string | null) => Number((text ?? '').replace(/[^\d]/g, '') || '0');

test('ledger - a morning check recorded on a phone shows on the wall live, with who did it', async ({
	browser
}) => {
	// The regulator's wall is open before the kitchen records anything.
	const wall = await browser.newPage();
	await signInPage(wall, system.webUrl, 'city');
	await wall.goto(`${system.webUrl}/command`);
	await expect(wall.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
	const ledgerCount = wall.getByTestId('family-count-ledger');
	const before = await count(await ledgerCount.textContent());

	const phone = await browser.newPage({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	const errors: string[] = [];
	phone.on('pageerror', (e) => errors.push(e.message));
	await signInPage(phone, system.webUrl, 'staff-a');
	await expect(phone).toHaveURL(/\/m\/m-a$/);
	await expect(phone.getByTestId('ledger-morning_check')).toContainText('今日尚未记录');
	await phone.getByTestId('ledger-morning_check').getByRole('link', { name: '填写' }).tap();
	await expect(phone.getByTestId('staff-row')).toHaveCount(2);
	await expect(phone.getByTestId('staff-row').nth(1)).toContainText('健康证已过期');
	const submit = phone.getByRole('button', { name: '全员正常 · 一键提交' });
	await expect(submit).toBeVisible();
	// One exception: 张小三 has a fever.
	await phone.getByLabel('张小三 体温 °C').fill('37.8');
	await phone.getByRole('button', { name: '提交晨检（1 人异常）' }).tap();
	await expect(phone).toHaveURL(/\/m\/m-a\?recorded=morning_check$/);
	await expect(phone.getByRole('status')).toContainText('已提交');
	await expect(phone.getByTestId('ledger-morning_check')).toContainText('已记录 1 次');
	expect(errors).toEqual([]);

	// The wall counted it without a reload.
	await expect.poll(async () => count(await ledgerCount.textContent())).toBe(before + 1);

	// Stored with the signed-in person as the actor and fitness decided by the rule.
	const res = await fetch(
		`http://127.0.0.1:${system.apiPort}/api/events?merchantId=m-a&type=ledger.morning_check.recorded`,
		{ headers: await authHeaders() }
	);
	const [stored] = eventList.parse(await res.json()).items;
	expect(stored).toMatchObject({ actorKind: 'staff', actorId: 'staff-a' });
	const entries = (
		stored?.payload as {
			entries: { staffName: string; fitForWork: boolean; temperatureC?: number }[];
		}
	).entries;
	expect(entries).toEqual([
		expect.objectContaining({ staffName: '张小三', temperatureC: 37.8, fitForWork: false }),
		expect.objectContaining({ staffName: '李四', fitForWork: true })
	]);
});

test('ledger - a food sample recorded on a phone; a light one is refused with the rule', async ({
	browser
}) => {
	const phone = await browser.newPage({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	await signInPage(phone, system.webUrl, 'staff-a');
	await phone.getByTestId('ledger-sample_retention').getByRole('link', { name: '填写' }).tap();
	await phone.getByLabel('午餐').check();
	await phone.getByLabel('菜品名称').fill('宫保鸡丁');
	await phone.getByLabel('留样重量（克）').fill('90');
	await phone.getByRole('button', { name: '提交留样记录' }).tap();
	await expect(phone.getByRole('alert')).toHaveText('留样重量不少于 125 克。');
	// What was typed is still there.
	await expect(phone.getByLabel('菜品名称')).toHaveValue('宫保鸡丁');
	await phone.getByLabel('留样重量（克）').fill('150');
	await phone.getByRole('button', { name: '提交留样记录' }).tap();
	await expect(phone).toHaveURL(/\/m\/m-a\?recorded=sample_retention$/);
	await expect(phone.getByTestId('ledger-sample_retention')).toContainText('已记录 1 次');
});

test('ledger - a disinfection recorded on a phone; a run that ends before it starts is refused', async ({
	browser
}) => {
	const phone = await browser.newPage({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	await signInPage(phone, system.webUrl, 'staff-a');
	await phone.getByTestId('ledger-disinfection').getByRole('link', { name: '填写' }).tap();
	const started = await phone.getByLabel('开始时间').inputValue();
	const ended = await phone.getByLabel('结束时间').inputValue();
	await phone.getByLabel('开始时间').fill(ended);
	await phone.getByLabel('结束时间').fill(started);
	await phone.getByRole('button', { name: '提交消毒记录' }).tap();
	await expect(phone.getByRole('alert')).toHaveText('结束时间应晚于开始时间，且在过去 24 小时内。');
	await phone.getByLabel('开始时间').fill(started);
	await phone.getByLabel('结束时间').fill(ended);
	await phone.getByLabel('紫外线').check();
	await phone.getByRole('button', { name: '提交消毒记录' }).tap();
	await expect(phone).toHaveURL(/\/m\/m-a\?recorded=disinfection$/);
	await expect(phone.getByTestId('ledger-disinfection')).toContainText('已记录 1 次');
});
