import { expect, test } from '@playwright/test';
import { makeEvent, publishEvent } from '../../src/lib/server/backbone/publisher';
import { eventList } from '../../src/lib/domain/read-model';
import { registered, staffMember } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';
import { openPhone, PHONE } from '../helpers/phone';

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
	// The wall counts today's events live (the ledger family now shows in the trend chart).
	const eventCount = wall.getByTestId('total-events');
	await expect.poll(async () => count(await eventCount.textContent())).toBeGreaterThan(0);
	const before = await count(await eventCount.textContent());
	// So is the district supervisor's ledger view: nobody in 历下 has done the morning check yet.
	const ledgers = await browser.newPage();
	await signInPage(ledgers, system.webUrl, 'sup-a');
	await ledgers.goto(`${system.webUrl}/registry/ledgers?district=370102`);
	await expect(ledgers.getByTestId('live-refresh')).toHaveAttribute('data-status', 'live');
	const lixiaCheck = ledgers.locator('tr[data-district="370102"] td[data-kind="morning_check"]');
	await expect(lixiaCheck).toHaveAttribute('data-today', '0');

	const { page: phone, errors } = await openPhone(browser);
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

	// The wall counted it without a reload, and the ledger view shows the shop's check done.
	await expect.poll(async () => count(await eventCount.textContent())).toBeGreaterThan(before);
	await expect(lixiaCheck).toHaveAttribute('data-today', '1');
	await expect(lixiaCheck).toContainText('1/1');

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
	const phone = await browser.newPage(PHONE);
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
	const phone = await browser.newPage(PHONE);
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

test('ledger - a supervisor questions an entry, the shop answers on its phone, the supervisor closes it', async ({
	browser
}) => {
	// The shop's morning check of today (this test stands alone: a worker restarted after a
	// failure starts a fresh system).
	await publishEvent(
		system.js,
		makeEvent({
			type: 'ledger.morning_check.recorded',
			merchantId: 'm-a',
			districtId: '370102',
			actor: { kind: 'staff', id: 'staff-a' },
			payload: {
				checkedBy: '甲店员工',
				entries: [
					{ staffId: 's-1', staffName: '张小三', present: true, symptoms: [], fitForWork: true },
					{ staffId: 's-2', staffName: '李四', present: true, symptoms: [], fitForWork: true }
				]
			}
		})
	);
	const office = await browser.newPage();
	await signInPage(office, system.webUrl, 'sup-a');
	await office.goto(`${system.webUrl}/registry/m-a?tab=ledgers`);
	await expect(office.getByTestId('live-refresh')).toHaveAttribute('data-status', 'live');
	const entry = office.locator('li[data-entry]').filter({ hasText: '晨检' }).first();
	await entry.getByRole('button', { name: '提出异议' }).click();
	await entry.getByLabel('异议理由').fill('体温记录与现场不符，请说明');
	await entry.getByRole('button', { name: '发给商户' }).click();
	await expect(office.getByRole('status')).toHaveText('异议已发给商户。');
	const dispute = office.locator('li[data-dispute]').first();
	await expect(dispute).toHaveAttribute('data-status', 'open');
	await expect(dispute).toContainText('体温记录与现场不符');

	const phone = await browser.newPage(PHONE);
	await signInPage(phone, system.webUrl, 'staff-a');
	const question = phone.locator('li[data-dispute]');
	await expect(question).toContainText('体温记录与现场不符');
	// The shop sees which record is questioned: the check itself, not only its kind.
	await expect(question).toContainText('到岗 2/2 人');
	await question
		.getByLabel('说明情况或更正（监管人员可见）')
		.fill('张小三当天发热已安排休息，体温属实');
	await question.getByRole('button', { name: '提交答复' }).tap();
	await expect(phone.getByRole('status')).toHaveText('答复已提交，等待监管部门复核。');
	await expect(question).toHaveAttribute('data-status', 'answered');

	// The office page picks the answer up by itself (the answer is a ledger event in its room).
	await expect(dispute).toHaveAttribute('data-status', 'answered');
	await expect(dispute).toContainText('张小三当天发热已安排休息');
	await dispute.getByRole('button', { name: '采信，关闭' }).click();
	await expect(dispute).toHaveAttribute('data-status', 'closed');
	await expect(dispute).toContainText('采信商户说明');

	await phone.reload();
	await expect(phone.locator('li[data-dispute]')).toHaveCount(0);
});
