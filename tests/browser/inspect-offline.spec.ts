import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { checklistFor } from '../../src/lib/domain/inspections/checklist';
import { inspectionList } from '../../src/lib/domain/inspections/read-model';
import { eventList } from '../../src/lib/domain/read-model';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';

let system: TestSystem;
const template = checklistFor('restaurant');

test.beforeAll(async () => {
	system = await startSystem();
	await publishEvent(system.js, registered('m-a', '370102', '历下区甲店'));
});
test.afterAll(async () => {
	await system?.stop();
});

async function api<T>(path: string, schema: { parse: (x: unknown) => T }): Promise<T> {
	const r = await fetch(`http://127.0.0.1:${system.apiPort}${path}`, {
		headers: await authHeaders()
	});
	if (!r.ok) throw new Error(`${path}: ${r.status}`);
	return schema.parse(await r.json());
}

test('inspect offline - the network drops mid-checklist; the visit queues on the phone and arrives once', async ({
	browser
}) => {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	const phone = await context.newPage();
	const errors: string[] = [];
	phone.on('pageerror', (e) => errors.push(e.message));
	await signInPage(phone, system.webUrl, 'insp-a');
	await phone.getByRole('link', { name: '历下区甲店' }).click();
	await expect(phone.getByRole('heading', { name: '历下区甲店' })).toBeVisible();
	await expect(phone.locator('main[data-ready=yes]')).toBeVisible();
	// Once the service worker runs the page, a reload keeps a copy of it for offline use.
	await phone.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await phone.reload();
	await expect(phone.locator('main[data-ready=yes]')).toBeVisible();

	const item = (id: string) => phone.locator(`[data-item="${id}"]`);
	const half = Math.floor(template.length / 2);
	for (const i of template.slice(0, half)) {
		await item(i.id).getByRole('radio', { name: '符合', exact: true }).click();
	}
	await expect(phone.getByTestId('progress')).toContainText(`已检查 ${half}/${template.length} 项`);

	// The network drops. A reload still opens the checklist, with what was entered.
	await context.setOffline(true);
	await expect(phone.getByTestId('queue-bar')).toContainText('离线');
	await phone.reload();
	await expect(phone.locator('main[data-ready=yes]')).toBeVisible();
	await expect(phone.getByTestId('progress')).toContainText(`已检查 ${half}/${template.length} 项`);

	// A general finding with two photos, the rest in order.
	const photo = (shade: string) =>
		sharp({ create: { width: 3000, height: 2000, channels: 3, background: shade } })
			.jpeg({ quality: 90 })
			.toBuffer();
	for (const i of template.slice(half)) {
		const fails = i.id === 'disinfection_records' || i.id === 'cooked_thoroughly';
		await item(i.id)
			.getByRole('radio', { name: fails ? '不符合' : '符合', exact: true })
			.click();
	}
	await item('disinfection_records').getByLabel('说明').fill('消毒记录缺三天');
	await item('disinfection_records')
		.locator('input[type=file]')
		.setInputFiles([
			{ name: 'a.jpg', mimeType: 'image/jpeg', buffer: await photo('#7c2d12') },
			{ name: 'b.jpg', mimeType: 'image/jpeg', buffer: await photo('#365314') }
		]);
	await expect(item('disinfection_records').locator('figure img')).toHaveCount(2);
	await expect(phone.getByTestId('result')).toHaveText('基本合格');
	await expect(phone.getByText('整改项目')).toBeVisible();
	await phone.getByLabel('确认检查结果').check();

	// The merchant signs with a finger on the screen.
	const pad = phone.getByTestId('signature');
	await pad.scrollIntoViewIfNeeded();
	const box = await pad.boundingBox();
	if (!box) throw new Error('no signature pad');
	await phone.mouse.move(box.x + 30, box.y + box.height * 0.6);
	await phone.mouse.down();
	for (let k = 1; k <= 12; k++) {
		await phone.mouse.move(
			box.x + 30 + k * 22,
			box.y + box.height * (0.6 - 0.3 * Math.sin(k / 2)),
			{ steps: 2 }
		);
	}
	await phone.mouse.up();
	await phone.getByLabel('签字人姓名').fill('王店长');
	await phone.screenshot({ path: '/tmp/shots-inspect-check.png', fullPage: true });

	await phone.getByRole('button', { name: '提交检查结果' }).click();
	await expect(phone.getByTestId('queued')).toBeVisible();
	await expect(phone.getByTestId('pending')).toHaveText('1 条待同步');
	// Nothing left the phone.
	expect((await api('/api/inspections?merchant=m-a', inspectionList)).total).toBe(0);

	// Back online: photos first, then the visit; the page says so.
	await context.setOffline(false);
	await expect(phone.getByTestId('synced')).toBeVisible({ timeout: 30_000 });
	await expect(phone.getByTestId('pending')).toHaveCount(0);

	const stored = await api('/api/inspections?merchant=m-a', inspectionList);
	expect(stored.total).toBe(1);
	const visit = stored.items[0]!;
	expect(visit.result).toBe('rectify');
	expect(visit.signer).toBe('王店长');
	expect(visit.rectificationItemIds.sort()).toEqual(['cooked_thoroughly', 'disinfection_records']);
	const kitchen = visit.checklist.find((c) => c.itemId === 'disinfection_records');
	expect(kitchen?.attachmentIds).toHaveLength(2);
	expect(kitchen?.note).toBe('消毒记录缺三天');

	// Another round of the queue (the network flapping) sends nothing again.
	await phone.evaluate(() => dispatchEvent(new Event('online')));
	await phone.reload();
	await expect(phone.locator('main[data-ready=yes]')).toBeVisible();
	const events = await api(
		'/api/events?merchantId=m-a&type=inspection.completed&limit=10',
		eventList
	);
	expect(events.items).toHaveLength(1);
	expect((await api('/api/inspections?merchant=m-a', inspectionList)).total).toBe(1);

	// The printable record, with the signature and photos readable by the inspector.
	await phone.goto(`${system.webUrl}/inspect/records/${visit.id}`);
	await expect(phone.getByTestId('record-result')).toHaveText('基本合格');
	const signature = phone.getByTestId('record-signature');
	await expect(signature).toBeVisible();
	expect(await signature.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
	await phone.setViewportSize({ width: 794, height: 1123 });
	await phone.emulateMedia({ media: 'print' });
	await phone.screenshot({ path: '/tmp/shots-inspect-print.png', fullPage: true });
	// Regulators (and inspectors) find it on the register's inspections tab.
	await phone.emulateMedia({ media: 'screen' });
	await phone.setViewportSize({ width: 1280, height: 800 });
	await phone.goto(`${system.webUrl}/registry/m-a?tab=inspections`);
	await expect(phone.getByTestId('inspection-list')).toContainText('基本合格');
	await phone.screenshot({ path: '/tmp/shots-inspect-registry.png' });
	expect(errors).toEqual([]);
	await context.close();
});
