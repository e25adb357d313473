import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { purchaseRecorded } from '../../src/lib/domain/events/ledger';
import { eventList } from '../../src/lib/domain/read-model';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';
import { openPhone } from '../helpers/phone';

let system: TestSystem;

test.beforeAll(async () => {
	system = await startSystem();
	await publishEvent(system.js, registered('m-a', '370102', '历下区甲店'));
});
test.afterAll(async () => {
	await system?.stop();
});

test('purchase - recorded on a phone with a certificate photo; the home shows it done', async ({
	browser
}) => {
	const { page: phone, errors } = await openPhone(browser);
	// What the phone sends: the photo goes downscaled, not as the camera took it. (The form posts
	// through fetch; its FormData's files are counted there.)
	await phone.addInitScript(() => {
		const send = window.fetch.bind(window);
		window.fetch = (input, init) => {
			if (init?.body instanceof FormData) {
				let bytes = 0;
				for (const [, v] of init.body) if (typeof v !== 'string') bytes += v.size;
				sessionStorage.setItem('sentPhotoBytes', String(bytes));
			}
			return send(input, init);
		};
	});

	await signInPage(phone, system.webUrl, 'staff-a');
	await expect(phone.getByTestId('ledger-purchase')).toContainText('今日尚未记录');
	await phone.getByTestId('ledger-purchase').getByRole('link', { name: '填写' }).tap();
	await expect(phone.getByRole('heading', { name: '进货查验' })).toBeVisible();

	await phone.getByLabel('供货者').fill('济南鲜丰蔬菜批发');
	await phone.getByLabel('产品名称').fill('鲜鸡蛋');
	await phone.getByLabel('批号').fill('B20261120');
	await phone.getByLabel('数量').fill('30');
	await phone.getByLabel('单位').fill('斤');
	const produced = await phone.getByLabel('生产日期').inputValue();
	await phone.getByLabel('保质期（天）').fill('30');
	// The other of the pair is computed: the production day is the first of the 30.
	const expected = new Date(Date.parse(produced) + 29 * 86_400_000).toISOString().slice(0, 10);
	await expect(phone.getByLabel('保质期至')).toHaveValue(expected);

	// A camera-sized photo with a GPS position in its EXIF.
	const camera = await sharp({
		create: {
			width: 4000,
			height: 3000,
			channels: 3,
			background: '#000',
			// Grain, as a phone's sensor gives: flat colour would compress to nothing.
			noise: { type: 'gaussian', mean: 120, sigma: 20 }
		}
	})
		.jpeg({ quality: 92 })
		.withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 40/1 0/1' } })
		.toBuffer();
	await phone
		.locator('input[type=file]')
		.setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: camera });
	await expect(phone.getByRole('img', { name: '票据照片 1' })).toBeVisible();

	// A best-before date before production is refused next to its field; the typed values and
	// the photo stay.
	await phone.getByLabel('保质期至').fill('2020-01-01');
	await phone.getByRole('button', { name: '提交进货查验' }).tap();
	await expect(phone.getByTestId('problem-expiresOn')).toHaveText('到期日不能早于生产日期');
	await expect(phone.getByLabel('产品名称')).toHaveValue('鲜鸡蛋');
	await expect(phone.getByRole('img', { name: '票据照片 1' })).toBeVisible();
	await phone.getByLabel('保质期（天）').fill('30');
	await expect(phone.getByLabel('保质期至')).toHaveValue(expected);

	await phone.getByRole('button', { name: '提交进货查验' }).tap();
	await expect(phone).toHaveURL(/\/m\/m-a\?recorded=purchase$/);
	await expect(phone.getByRole('status')).toContainText('已提交');
	await expect(phone.getByTestId('ledger-purchase')).toContainText('已记录 1 次');
	const entry = phone.getByTestId('purchase-entry');
	await expect(entry).toContainText('鲜鸡蛋 30斤');
	const thumb = entry.getByRole('img', { name: '票据照片 1' });
	await expect(thumb).toBeVisible();
	await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
	expect(errors).toEqual([]);
	const sentBytes = Number(await phone.evaluate(() => sessionStorage.getItem('sentPhotoBytes')));
	console.log(`[purchase] camera photo ${camera.length} B, sent ${sentBytes} B`);
	expect(sentBytes).toBeGreaterThan(0);
	expect(sentBytes).toBeLessThan(camera.length / 2);

	// Stored with the lot and the photo, by the signed-in person.
	const res = await fetch(
		`http://127.0.0.1:${system.apiPort}/api/events?merchantId=m-a&type=ledger.purchase.recorded`,
		{ headers: await authHeaders() }
	);
	const [stored] = eventList.parse(await res.json()).items;
	expect(stored).toMatchObject({ actorKind: 'staff', actorId: 'staff-a' });
	const payload = purchaseRecorded.parse(stored?.payload);
	expect(payload).toMatchObject({ supplierName: '济南鲜丰蔬菜批发', expiresOn: expected });
	expect(payload.attachmentIds).toHaveLength(1);

	// Next time the supplier is one tap away.
	await phone.getByTestId('ledger-purchase').getByRole('link', { name: '填写' }).tap();
	await phone.getByRole('button', { name: '济南鲜丰蔬菜批发' }).tap();
	await expect(phone.getByLabel('供货者', { exact: true })).toHaveValue('济南鲜丰蔬菜批发');

	// The shop's own grade and what it can do about it: no licence on file is the first thing.
	await phone.goto(`${system.webUrl}/m/m-a`);
	await phone.getByTestId('risk-card').tap();
	await expect(phone.getByRole('heading', { name: '我的风险等级' })).toBeVisible();
	await expect(phone.getByTestId('shop-grade')).toContainText('C级');
	await expect(phone.getByTestId('shop-fixes').locator('li').first()).toContainText(
		'未取得食品经营许可证'
	);
});
