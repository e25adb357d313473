import { expect, test, type Page } from '@playwright/test';
import { makeEvent } from '../../src/lib/domain/events/make';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { licence, registered } from '../helpers/events';
import { startSystem, type TestSystem } from '../helpers/system';
import { openPhone } from '../helpers/phone';

// 查一查 on a phone: the search page's map (an SVG drawn by the server, no script) shows the
// shops as dots; a dot opens the shop's page, a tap on a district searches that district.

let system: TestSystem;
const LIXIA = '370102';
const SHIZHONG = '370103';
/** Shops a little off their district's centre (where its name is drawn and tapped). */
const shops = [
	{ id: 'm-lx-1', district: LIXIA, name: '历下甲店', lon: 117.11, lat: 36.67 },
	{ id: 'm-lx-2', district: LIXIA, name: '历下乙店', lon: 117.07, lat: 36.64 },
	{ id: 'm-lx-3', district: LIXIA, name: '历下丙店', lon: 117.13, lat: 36.69 },
	{ id: 'm-sz-1', district: SHIZHONG, name: '市中甲店', lon: 117.01, lat: 36.63 },
	{ id: 'm-sz-2', district: SHIZHONG, name: '市中乙店', lon: 116.93, lat: 36.52 }
];

test.beforeAll(async () => {
	system = await startSystem();
	for (const s of shops) {
		const e = registered(s.id, s.district, s.name);
		await publishEvent(system.js, { ...e, payload: { ...e.payload, location: s } });
		await publishEvent(system.js, licence(s.id, '2099-12-31', s.district));
	}
	await publishEvent(
		system.js,
		makeEvent({
			type: 'inspection.completed',
			merchantId: 'm-sz-1',
			districtId: SHIZHONG,
			actor: { kind: 'inspector', id: 'insp-1' },
			payload: { inspectionId: 'insp-sz-1', inspectorId: 'insp-1', result: 'pass', findings: [] }
		})
	);
});
test.afterAll(async () => {
	await system?.stop();
});

const dots = (page: Page) => page.getByTestId('public-map').locator('a[data-grade]');

test('public map - a phone sees the shops as dots, opens one, and searches a district by tapping it', async ({
	browser
}) => {
	const { page: phone, errors } = await openPhone(browser);
	const scripts: string[] = [];
	phone.on('request', (r) => {
		if (r.resourceType() === 'script') scripts.push(r.url());
	});

	// The shops arrive through the pipeline (and the page's data is cached for a minute).
	await expect(async () => {
		await phone.goto(`${system.webUrl}/p?q=店`);
		await expect(dots(phone)).toHaveCount(5, { timeout: 500 });
	}).toPass({ timeout: 90_000 });
	await expect(phone.getByTestId('public-map')).toBeVisible();
	await expect(phone.getByTestId('public-map-note')).toHaveText('地图上 5 家');
	// The legend says each grade in words beside its shape.
	await expect(phone.getByTestId('public-map').getByText('D级（高风险）')).toBeVisible();
	expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await phone.screenshot({ path: 'test-results/public-map-phone.png' });

	// A dot is a link named by its title: shop, grade, latest result and date.
	const dot = phone.getByRole('link', { name: /^市中甲店 · .+ · 合格 \d{4}-\d{2}-\d{2}$/ });
	await expect(dot).toHaveCount(1);
	await dot.tap();
	await phone.waitForURL(/\/p\/m-sz-1$/);
	await expect(phone.getByRole('heading', { name: '市中甲店' })).toBeVisible();

	// Back on the map, a tap on 市中区 (on its name, where the area is) searches that district.
	await phone.goto(`${system.webUrl}/p?q=店`);
	const label = phone.getByTestId('public-map').locator('text', { hasText: '市中区' });
	const box = await label.boundingBox();
	expect(box).not.toBeNull();
	if (box) await phone.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
	await phone.waitForURL(/district=370103/);
	expect(new URL(phone.url()).searchParams.get('q')).toBe('店');
	await expect(phone.getByRole('combobox', { name: '辖区' })).toHaveValue(SHIZHONG);
	await expect(dots(phone)).toHaveCount(2);
	await expect(phone.getByTestId('public-results').locator('li')).toHaveCount(2);
	await phone.screenshot({ path: 'test-results/public-map-district.png' });
	await phone.getByRole('link', { name: '看全市' }).tap();
	await expect(dots(phone)).toHaveCount(5);

	// Server-rendered, nothing to run: no script was fetched, nothing failed.
	expect(scripts).toEqual([]);
	expect(errors).toEqual([]);
});
