import { expect, test } from '@playwright/test';
import { makeEvent } from '../../src/lib/domain/events/make';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { TEST_PASSWORD } from '../helpers/accounts';
import { registered } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';
import { eventually } from '../helpers/processor';

let system: TestSystem;
const A = '370102';
const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

test.beforeAll(async () => {
	system = await startSystem();
	await system.accounts.accounts.create(
		{
			username: 'insp-a2',
			displayName: '历下执法二',
			access: { role: 'inspector', districts: [A] },
			password: TEST_PASSWORD
		},
		{ id: 'system', address: 'test' }
	);
	const shops = [
		['m-t1', '泉城路老字号饭店', 117.021, 36.661],
		['m-t2', '历下区第一中学食堂', 117.05, 36.67],
		['m-t3', '大明湖小吃店', 117.03, 36.675],
		['m-t4', '芙蓉街烧烤', 117.018, 36.664]
	] as const;
	for (const [id, name, lon, lat] of shops) {
		const e = registered(id, A, name);
		await publishEvent(system.js, { ...e, payload: { ...e.payload, location: { lon, lat } } });
	}
	// A task already overdue, assigned to insp-a, so the phone list shows the badge.
	await publishEvent(
		system.js,
		makeEvent({
			type: 'task.created',
			merchantId: 'm-t3',
			districtId: A,
			actor: { kind: 'supervisor', id: 'sup-a' },
			payload: {
				taskId: 't-late',
				kind: 'alert',
				title: '告警核查：冷藏温度超标',
				dueAt: later(-1),
				assignees: ['insp-a', 'insp-a2'],
				alertIds: ['fridge_too_warm:m-t3:2026-11-27']
			}
		})
	);
	// The processor has them all before a page asks.
	await eventually(async () => {
		const res = await fetch(
			`http://127.0.0.1:${system.apiPort}/api/tasks/candidates?district=${A}`,
			{
				headers: await authHeaders()
			}
		);
		const body = (await res.json()) as { items?: unknown[] };
		const late = await fetch(`http://127.0.0.1:${system.apiPort}/api/tasks/t-late`, {
			headers: await authHeaders()
		});
		return body.items?.length === 4 && late.ok ? true : undefined;
	});
});
test.afterAll(async () => {
	await system?.stop();
});

test('tasks - a supervisor dispatches and draws; the inspector sees them on the phone', async ({
	browser
}) => {
	const office = await browser.newPage({ viewport: { width: 1366, height: 900 } });
	const errors: string[] = [];
	office.on('pageerror', (e) => errors.push(e.message));
	await signInPage(office, system.webUrl, 'sup-a');

	await office.goto(`${system.webUrl}/tasks/new?merchant=m-t1`);
	await expect(office.getByRole('heading', { name: '派发任务' })).toBeVisible();
	// Two inspectors of the merchant's district are chosen by default.
	await expect(office.getByRole('checkbox', { checked: true })).toHaveCount(2);
	await office.getByLabel('任务名称').fill('节前食品安全检查');
	await office.screenshot({ path: '/tmp/shots-tasks-new.png', fullPage: true });
	await office.getByRole('button', { name: '派发' }).click();
	await expect(office.getByRole('heading', { name: '节前食品安全检查' })).toBeVisible();
	await expect(office.getByText('历下执法、历下执法二')).toBeVisible();

	// From the alert centre: /tasks/new?alert=<id> fills in the alert's merchant and the alert.
	await publishEvent(
		system.js,
		makeEvent({
			type: 'ai.detection.reported',
			merchantId: 'm-t4',
			districtId: A,
			actor: { kind: 'device', id: 'analytics-1' },
			payload: { sourceId: 'cam-1', label: 'no_mask', confidence: 0.9 }
		})
	);
	const alertId = await eventually(async () => {
		const res = await fetch(`http://127.0.0.1:${system.apiPort}/api/alerts?merchantId=m-t4`, {
			headers: await authHeaders()
		});
		return ((await res.json()) as { items: { id: string }[] }).items[0]?.id;
	});
	await office.goto(`${system.webUrl}/tasks/new?alert=${encodeURIComponent(alertId)}`);
	await expect(office.getByLabel('经营主体')).toHaveValue('m-t4');
	await expect(office.locator('input[name="alertIds"]')).toHaveValue(alertId);
	await expect(office.getByLabel('任务名称')).toHaveValue(/^告警核查：/);

	await office.goto(`${system.webUrl}/tasks`);
	await expect(office.getByRole('link', { name: '节前食品安全检查' })).toBeVisible();
	await expect(office.locator('.badge.overdue')).toHaveCount(1);
	await office.screenshot({ path: '/tmp/shots-tasks-list.png', fullPage: true });

	await office.goto(`${system.webUrl}/tasks/draw`);
	await office.getByLabel('抽取数量').fill('2');
	await office.getByLabel('公开随机种子').fill('2026-11-28-731');
	await office.getByRole('button', { name: '预览抽取结果' }).click();
	await expect(office.locator('table.data tbody tr')).toHaveCount(2);
	await office.getByRole('button', { name: '发布并派发任务' }).click();
	await expect(office.getByText(/已发布抽查批次 draw-/)).toBeVisible();
	await office.screenshot({ path: '/tmp/shots-tasks-draw.png', fullPage: true });

	const phone = await browser.newPage({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	phone.on('pageerror', (e) => errors.push(e.message));
	await signInPage(phone, system.webUrl, 'insp-a');
	await phone.goto(`${system.webUrl}/inspect`);
	await expect(phone.getByRole('heading', { name: /今日任务/ })).toBeVisible();
	const first = phone.locator('section.today li').first();
	await expect(first).toContainText('大明湖小吃店');
	await expect(first).toContainText('逾期');
	await expect(first).toContainText('1 条告警');
	await expect(first.locator('a')).toHaveAttribute(
		'href',
		'/inspect/check/m-t3?task=t-late&alerts=fridge_too_warm%3Am-t3%3A2026-11-27'
	);
	// The overdue alert task, the dispatched one and both draw picks (a pool of two goes together).
	await expect(phone.locator('section.today li')).toHaveCount(4);
	await phone.screenshot({ path: '/tmp/shots-tasks-inspect.png', fullPage: true });
	expect(errors).toEqual([]);
});
