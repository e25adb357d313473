import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { alertPage } from '../../src/lib/domain/alerts/read-model';
import { makeEvent, publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { eventually } from '../helpers/processor';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';

let system: TestSystem;

const detection = (label: string) =>
	makeEvent({
		type: 'ai.detection.reported',
		merchantId: 'm-a',
		districtId: '370102',
		actor: { kind: 'device', id: 'analytics-1' },
		payload: { sourceId: 'cam-1', label, confidence: 0.75 }
	});

const alertsOfShop = async () => {
	const res = await fetch(`http://127.0.0.1:${system.apiPort}/api/alerts?merchantId=m-a`, {
		headers: await authHeaders()
	});
	return alertPage.parse(await res.json()).items;
};

test.beforeAll(async () => {
	system = await startSystem();
	await publishEvent(system.js, registered('m-a', '370102', '历下区甲店'));
	await publishEvent(system.js, detection('no_mask'));
	await publishEvent(system.js, detection('no_chef_hat'));
	await eventually(async () => ((await alertsOfShop()).length === 2 ? true : undefined), 20_000);
});
test.afterAll(async () => {
	await system?.stop();
});

test('alert centre - acknowledged in bulk, notified, fixed on the phone, verified and closed', async ({
	browser
}) => {
	const office = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	const errors: string[] = [];
	office.on('pageerror', (e) => errors.push(e.message));
	await signInPage(office, system.webUrl, 'sup-a');
	await office.goto(`${system.webUrl}/alerts?status=active`);
	const rows = office.locator('tbody tr');
	await expect(rows).toHaveCount(2);

	// Both selected and acknowledged at once.
	await office.getByRole('checkbox', { name: '全选本页' }).check();
	await expect(office.getByTestId('bulk')).toContainText('已选 2 条');
	await office.getByRole('button', { name: '执行' }).click();
	await expect(office.getByTestId('bulk-outcome')).toContainText('受理：2 条已完成，0 条未执行');
	await expect(rows.filter({ hasText: '已受理' })).toHaveCount(2);
	await office.screenshot({ path: '/tmp/shots-alerts-list.png', fullPage: true });

	// One gets a rectification notice with a deadline three days out.
	const [mask] = (await alertsOfShop()).filter((a) => a.facts.label === 'no_mask');
	if (!mask) throw new Error('no no_mask alert');
	await office.locator(`tr[data-alert-id="${mask.id}"] input[type=checkbox]`).check();
	await office.getByLabel('处置方式').selectOption('notify');
	const deadline = new Date(Date.now() + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
	await office.getByLabel('整改期限').fill(deadline);
	await office.getByLabel('整改要求').fill('后厨人员须全程佩戴口罩，3 日内整改并拍照反馈');
	await office.getByRole('button', { name: '执行' }).click();
	await expect(office.getByTestId('bulk-outcome')).toContainText(
		'下发整改通知：1 条已完成，0 条未执行'
	);
	await expect(office.locator(`tr[data-alert-id="${mask.id}"]`)).toContainText('已通知整改');

	// The shop owner sees the notice on the phone and reports the fix with a photo.
	const phone = await browser.newPage({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	phone.on('pageerror', (e) => errors.push(e.message));
	await signInPage(phone, system.webUrl, 'own-ab');
	await phone.goto(`${system.webUrl}/m/m-a`);
	const notices = phone.getByTestId('rectification-notices');
	await expect(notices).toContainText('后厨人员须全程佩戴口罩');
	await expect(notices).toContainText('剩余 3 天');
	await phone.screenshot({ path: '/tmp/shots-alerts-shop-notice.png', fullPage: true });
	await notices.getByRole('link', { name: '报告整改情况' }).tap();
	await phone.getByLabel('整改情况说明').fill('已为后厨 4 名员工配发口罩，张贴提示并完成培训');
	const photo = await sharp({
		create: {
			width: 1600,
			height: 1200,
			channels: 3,
			background: '#2a6',
			noise: { type: 'gaussian', mean: 120, sigma: 20 }
		}
	})
		.jpeg({ quality: 90 })
		.toBuffer();
	await phone
		.locator('input[type=file]')
		.setInputFiles({ name: 'IMG_0101.jpg', mimeType: 'image/jpeg', buffer: photo });
	await expect(phone.getByRole('img', { name: '整改照片 1' })).toBeVisible();
	await phone.screenshot({ path: '/tmp/shots-alerts-shop-fix.png', fullPage: true });
	await phone.getByRole('button', { name: '提交整改反馈' }).tap();
	await expect(phone).toHaveURL(/\/m\/m-a\?recorded=fix$/);
	await expect(phone.getByTestId('rectification-notices')).toHaveCount(0);

	// The supervisor sees the report with its photo, verifies remotely and closes.
	await office.goto(`${system.webUrl}/alerts/${encodeURIComponent(mask.id)}`);
	await expect(office.getByTestId('alert-status')).toHaveText('待核验');
	const report = office.getByTestId('fix-report');
	await expect(report).toContainText('已为后厨 4 名员工配发口罩');
	const thumb = report.getByRole('img', { name: '整改照片' });
	await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
	await office.screenshot({ path: '/tmp/shots-alerts-detail-fix-reported.png', fullPage: true });
	await office.getByRole('button', { name: '远程核验通过' }).click();
	await expect(office.getByTestId('alert-status')).toHaveText('已核验');
	await office.getByTestId('step-close').getByRole('button', { name: '办结' }).click();
	await expect(office.getByTestId('alert-status')).toHaveText('已办结');

	// The timeline shows every step, in order, with who took it.
	const steps = office.getByTestId('timeline').locator('li');
	await expect(steps).toHaveCount(6);
	const texts = await steps.allInnerTexts();
	expect(
		texts.map((s) =>
			s
				.replace(/^\S+ \S+\s+/, '')
				.split(/\s+/)
				.slice(0, 2)
		)
	).toEqual([
		['待处置', '由'],
		['已受理', 'sup-a'],
		['已通知整改', 'sup-a'],
		['待核验', 'own-ab'],
		['已核验', 'sup-a'],
		['已办结', 'sup-a']
	]);
	await expect(office.getByTestId('alert-notice')).toContainText('后厨人员须全程佩戴口罩');
	await office.screenshot({ path: '/tmp/shots-alerts-detail.png', fullPage: true });

	await office.goto(`${system.webUrl}/alerts/precision`);
	await expect(
		office.getByTestId('precision-rule').locator('tr[data-key="ai_detection"]')
	).toContainText('100%');
	await office.screenshot({ path: '/tmp/shots-alerts-precision.png', fullPage: true });
	expect(errors).toEqual([]);
});
