import { expect, test } from '@playwright/test';
import { cameraList, videoTicket } from '../../src/lib/domain/video/camera-list';
import { verifyTicket } from '../../src/lib/server/auth/ticket';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';
import { TEST_TICKET_SECRET } from '../helpers/tickets';

let system: TestSystem;

test.beforeAll(async () => {
	system = await startSystem();
	await publishEvent(system.js, registered('m-a', '370102', '历下区甲店'));
});
test.afterAll(async () => {
	await system?.stop();
});

test('cameras - the owner registers a test-pattern camera, opens it to diners, closes it again', async ({
	browser
}) => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInPage(page, system.webUrl, 'own-ab');
	await page.goto(`${system.webUrl}/m/m-a`);
	await page.getByRole('link', { name: '明厨亮灶摄像头' }).click();
	await expect(page.getByRole('heading', { name: '明厨亮灶摄像头' })).toBeVisible();
	await expect(page.getByText('尚未登记摄像头。')).toBeVisible();

	// A wrong form is answered in Chinese, field by field.
	await page.getByRole('radio', { name: '网络摄像头（RTSP）' }).check();
	await page.getByLabel('RTSP 地址').fill('http://10.0.0.2/live');
	await page.getByRole('button', { name: '登记', exact: true }).click();
	await expect(page.getByText('请填写摄像头名称（1–50 个字）。')).toBeVisible();
	await expect(page.getByText('请选择摄像头所在区域。')).toBeVisible();
	await expect(page.getByText('请填写以 rtsp:// 开头的摄像头地址。')).toBeVisible();

	await page.getByRole('radio', { name: '测试画面' }).check();
	await page.getByLabel('名称（如：后厨灶台）').fill('后厨灶台');
	await page.getByLabel('区域').selectOption({ label: '烹饪区' });
	await page.getByLabel('向顾客公开此摄像头的实时画面').check();
	await page.getByRole('button', { name: '登记', exact: true }).click();
	await expect(page.getByText('摄像头已登记。')).toBeVisible();
	const camera = page.getByTestId('shop-cameras').locator('li').first();
	await expect(camera).toContainText('后厨灶台');
	await expect(camera).toContainText('烹饪区 · 测试画面');
	await expect(camera).toContainText('在线');
	await expect(camera.getByTestId('switch-publicView')).toHaveText('向顾客公开：开');
	const cameraId = await camera.getAttribute('data-camera-id');

	// Diners see it on the shop's public kitchen page, without signing in.
	const diner = await browser.newPage();
	await diner.goto(`${system.webUrl}/p/m-a/kitchen`);
	await expect(diner.getByRole('heading', { name: '历下区甲店' })).toBeVisible();
	await expect(diner.locator(`[data-camera-id="${cameraId}"]`)).toContainText('后厨灶台');

	await camera.getByTestId('switch-publicView').click();
	await expect(page.getByText('设置已保存。')).toBeVisible();
	await expect(camera.getByTestId('switch-publicView')).toHaveText('向顾客公开：关');
	await diner.reload();
	await expect(diner.getByTestId('kitchen-none')).toBeVisible();
	await expect(diner.locator(`[data-camera-id="${cameraId}"]`)).toHaveCount(0);

	// The player's ticket: for this owner's shops, audience video.
	const res = await page.request.get(`${system.webUrl}/api/video/ticket`);
	expect(res.status()).toBe(200);
	const t = videoTicket.parse(await res.json());
	expect(new URL(t.videoUrl).port).toBe('3002');
	const claims = await verifyTicket(t.ticket, TEST_TICKET_SECRET, 'video');
	expect(claims.merchants).toEqual(['m-a', 'm-b']);
	expect((await diner.request.get(`${system.webUrl}/api/video/ticket`)).status()).toBe(401);
	expect(errors).toEqual([]);
});

test('cameras - staff see the cameras but cannot change them', async ({ browser }) => {
	const page = await browser.newPage();
	await signInPage(page, system.webUrl, 'staff-a');
	await page.goto(`${system.webUrl}/m/m-a/cameras`);
	await expect(page.getByText('只有店主可以登记和设置摄像头。')).toBeVisible();
	await expect(page.getByTestId('switch-publicView').first()).toBeDisabled();
	// A forged post is refused on the server all the same.
	const res = await page.request.post(`${system.webUrl}/m/m-a/cameras?/register`, {
		form: { name: 'x', area: 'cooking', sourceKind: 'test_pattern' },
		headers: { origin: system.webUrl }
	});
	expect(await res.text()).toContain('forbidden');
});

test('cameras - the video wall lists its districts cameras; a shop gets a 403 there', async ({
	browser
}) => {
	const sup = await browser.newPage();
	await signInPage(sup, system.webUrl, 'sup-a');
	const res = await sup.request.get(`${system.webUrl}/api/video/cameras?district=370102`);
	expect(res.status()).toBe(200);
	const { items } = cameraList.parse(await res.json());
	expect(items.map((c) => [c.merchantName, c.name, c.area, c.status])).toEqual([
		['历下区甲店', '后厨灶台', 'cooking', 'online']
	]);
	expect(
		(await sup.request.get(`${system.webUrl}/api/video/cameras?district=370103`)).status()
	).toBe(403);
	const owner = await browser.newPage();
	await signInPage(owner, system.webUrl, 'own-ab');
	expect((await owner.request.get(`${system.webUrl}/api/video/cameras`)).status()).toBe(403);
});
