import { expect, test } from '@playwright/test';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';

let system: TestSystem;

test.beforeAll(async () => {
	system = await startSystem();
	await publishEvent(system.js, registered('m-kiosk-1', '370102', '泉城路大厅店'));
});
test.afterAll(async () => {
	await system?.stop();
});

test('screens - an admin configures a screen, its kiosk URL signs a fresh browser in, revoking signs it out', async ({
	page,
	browser
}, testInfo) => {
	const shot = (p: typeof page, name: string) =>
		p.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
	await signInPage(page, system.webUrl, 'root');
	await page.goto(`${system.webUrl}/admin/screens`);
	await expect(page.getByTestId('screens-empty')).toBeVisible();
	await page.getByRole('link', { name: '新建大屏' }).click();

	// A form without a rotation view is refused with the field named.
	await page.getByLabel('名称').fill('历下区指挥大厅');
	await page.getByLabel('历下区').check();
	await page.getByLabel('本辖区').uncheck();
	await page.getByLabel('轮播间隔（秒）').fill('5');
	await page.getByRole('button', { name: '创建大屏' }).click();
	const problems = page.getByTestId('screen-problems');
	await expect(problems).toContainText('轮播视图：至少选择一项');
	await expect(problems).toContainText('须为 10 至 3600 之间的整数');
	await shot(page, 'admin-screen-problems');
	// What was typed is kept.
	await expect(page.getByLabel('名称')).toHaveValue('历下区指挥大厅');
	await page.getByLabel('本辖区').check();
	await page.getByLabel('高风险榜').check();
	await page.getByLabel('轮播间隔（秒）').fill('10');
	await page.getByRole('button', { name: '创建大屏' }).click();
	await expect(page.getByText('大屏已创建')).toBeVisible();

	await page.getByTestId('issue-token').click();
	const url = page.getByTestId('kiosk-url');
	await expect(url).toHaveText(/\/kiosk\/scr-[a-z0-9]{10}\.[A-Za-z0-9_-]{43}$/);
	const kioskUrl = (await url.textContent()) ?? '';
	expect(kioskUrl.startsWith(system.webUrl)).toBe(true);
	await shot(page, 'admin-screen-issued');

	// A fresh browser, no keyboard: the URL alone opens the wall, live.
	const wall = await browser.newContext();
	const screen = await wall.newPage();
	await screen.goto(kioskUrl);
	await screen.waitForURL((u) => u.pathname === '/command');
	await expect(screen.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
	const answer = await screen.request.get(`${system.webUrl}/api/command/screen`);
	expect(answer.status()).toBe(200);
	expect((await answer.json()).settings).toMatchObject({
		name: '历下区指挥大厅',
		districts: ['370102'],
		rotation: { views: ['district', 'top_risk'], seconds: 10 }
	});
	// The rotation reaches the top-risk list and comes back; the map stays the same one (one
	// WebGL context for the wall's life, its points loaded once).
	const wallView = screen.getByTestId('wall');
	await expect(wallView).toHaveAttribute('data-view', 'top_risk', { timeout: 20_000 });
	await expect(screen.getByTestId('panel-top-risk-view')).toBeVisible();
	await expect(wallView).toHaveAttribute('data-view', 'scope', { timeout: 20_000 });
	await expect(screen.locator('[data-testid="district-map"] canvas')).toHaveCount(2);
	await screen.getByTestId('district-map').evaluate((el) => el.setAttribute('data-mark', '1'));
	await expect(wallView).toHaveAttribute('data-view', 'top_risk', { timeout: 20_000 });
	await expect(screen.getByTestId('district-map')).toHaveAttribute('data-mark', '1');
	await expect(screen.getByTestId('panel-tasks')).toBeVisible();
	await screen.evaluate(() => ((window as unknown as { wallMark: number }).wallMark = 1));

	// The admin drops a panel: the running screen follows within seconds, without a reload.
	await page.getByLabel('巡查与任务').uncheck();
	await page.getByRole('button', { name: '保存配置' }).click();
	await expect(page.getByTestId('screen-saved')).toBeVisible();
	await expect(screen.getByTestId('panel-tasks')).toHaveCount(0, { timeout: 20_000 });
	await expect(screen.getByTestId('panel-grades')).toBeVisible();
	expect(await screen.evaluate(() => (window as unknown as { wallMark?: number }).wallMark)).toBe(
		1
	);

	// The wall's own office pages stay shut to it.
	expect((await screen.request.get(`${system.webUrl}/alerts`, { maxRedirects: 0 })).status()).toBe(
		403
	);

	await page.goto(`${system.webUrl}/admin/screens`);
	const row = page.getByTestId('screen-row');
	await expect(row).toContainText('历下区指挥大厅');
	await expect(row.getByTestId('token-state')).toContainText('有效');
	await expect(row).not.toContainText('从未');
	await shot(page, 'admin-screens-list');

	await row.getByRole('link', { name: '编辑' }).click();
	await page.getByTestId('revoke-token').click();
	await expect(page.getByText('令牌已吊销')).toBeVisible();
	await expect(page.getByTestId('kiosk-section').getByTestId('token-state')).toContainText(
		'已吊销'
	);

	// The audit trail names each step and its admin.
	const id = /scr-[a-z0-9]{10}/.exec(kioskUrl)?.[0] ?? '';
	await page.goto(`${system.webUrl}/admin/audit?user=screen:${id}`);
	const audit = page.locator('table');
	for (const step of ['保存大屏配置', '签发大屏令牌', '吊销大屏令牌']) {
		await expect(audit).toContainText(step);
	}
	await shot(page, 'admin-audit-screen');

	const after = await screen.request.get(`${system.webUrl}/api/command/screen`);
	expect(after.status()).toBe(401);
	// The running wall notices by itself (it asks for its configuration every few seconds).
	await screen.waitForURL((u) => u.pathname === '/kiosk/revoked', { timeout: 20_000 });
	await expect(screen.getByRole('heading', { name: '此大屏的授权已被吊销' })).toBeVisible();
	await shot(screen, 'kiosk-revoked');
	await wall.close();
});
