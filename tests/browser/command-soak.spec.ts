import { expect, test } from '@playwright/test';
import { districts } from '../../src/lib/domain/districts';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { steadyTraffic } from '../../scripts/bench/live-latency';
import { registered } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';

// The short variant of `npm run soak:wall` (which runs two hours outside CI): the wall under
// steady traffic for two minutes keeps its heap (read after a full GC) within bounds, stays
// live and never reloads. A leak of a few kilobytes per delta (10 a second) shows here.
test.use({
	launchOptions: {
		executablePath: '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--js-flags=--expose-gc'
		]
	}
});

let system: TestSystem;

test.beforeAll(async () => {
	system = await startSystem();
	for (let i = 0; i < 200; i++) {
		const id = `b${String(i).padStart(5, '0')}`;
		await publishEvent(system.js, registered(id, districts[i % districts.length]!.id, `店${i}`));
	}
});
test.afterAll(async () => {
	await system?.stop();
});

test('command screen - two minutes of steady traffic: the heap stays flat, the wall stays live', async ({
	page
}) => {
	test.setTimeout(240_000);
	await signInPage(page, system.webUrl, 'city');
	await page.goto(`${system.webUrl}/command`);
	await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
	let loads = 0;
	page.on('load', () => loads++);
	const heap = () =>
		page.evaluate(() => {
			(window as unknown as { gc: () => void }).gc();
			return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory
				.usedJSHeapSize;
		});
	let stop = false;
	const traffic = steadyTraffic(system.js, 200, 0, () => stop);
	try {
		await page.waitForTimeout(40_000);
		const settled = await heap();
		await page.waitForTimeout(80_000);
		const end = await heap();
		expect(end / settled).toBeLessThan(1.25);
		await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
		expect(loads).toBe(0);
	} finally {
		stop = true;
		await traffic;
	}
});
