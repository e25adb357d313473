import { expect, test, type Page } from '@playwright/test';
import { makeEvent } from '../../src/lib/domain/events/make';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered, sale } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';

let system: TestSystem;

test.beforeAll(async () => {
	system = await startSystem();
	await publishEvent(system.js, registered('m-wall-1', '370102', '泉城路老字号饭店'));
	await publishEvent(system.js, registered('m-wall-2', '370103', '经四路小吃店'));
});
test.afterAll(async () => {
	await system?.stop();
});

const count = async (text: string | null) => Number((text ?? '').replace(/[^\d]/g, '') || '0');

/** Every panel and tile lies inside the scaled canvas, and nothing spills out of its box. */
async function layoutProblems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const canvas = document.querySelector('[data-testid="screen-canvas"]')!.getBoundingClientRect();
		const inside = (r: DOMRect) =>
			r.left >= canvas.left - 1 &&
			r.top >= canvas.top - 1 &&
			r.right <= canvas.right + 1 &&
			r.bottom <= canvas.bottom + 1;
		const boxes = document.querySelectorAll<HTMLElement>(
			'[data-testid^="panel-"], .kpis > *, .titlebar, h1'
		);
		for (const el of boxes) {
			const r = el.getBoundingClientRect();
			const name = el.dataset.testid ?? el.className;
			if (r.width === 0 || r.height === 0) problems.push(`${name} is empty`);
			if (!inside(r)) problems.push(`${name} leaves the canvas`);
		}
		// Text that does not fit its box: titles, tiles' labels and numbers.
		for (const el of document.querySelectorAll<HTMLElement>('h1, h2, .kpis .label, .kpis .value')) {
			if (el.scrollWidth > el.clientWidth + 1) problems.push(`"${el.textContent}" overflows`);
		}
		return problems;
	});
}

for (const [width, height] of [
	[1920, 1080],
	[3840, 2160],
	[1366, 768],
	[2560, 720]
] as const) {
	test(`command screen - laid out at ${width}×${height}: scaled to fit, centred, nothing outside`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height });
		await signInPage(page, system.webUrl, 'city');
		await page.goto(`${system.webUrl}/command`);
		await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
		await expect(page.getByTestId('kpi-merchants')).toHaveText('2');
		const canvas = page.getByTestId('screen-canvas');
		const scale = Math.min(width / 1920, height / 1080);
		expect(Number(await canvas.getAttribute('data-scale'))).toBeCloseTo(scale, 3);
		const box = (await canvas.boundingBox())!;
		expect(box.width).toBeCloseTo(1920 * scale, 0);
		expect(box.height).toBeCloseTo(1080 * scale, 0);
		// Centred: the same margin on both sides of the free axis.
		expect(box.x).toBeCloseTo((width - box.width) / 2, 0);
		expect(box.y).toBeCloseTo((height - box.height) / 2, 0);
		expect(await layoutProblems(page)).toEqual([]);
		await page.screenshot({ path: `test-results/command-${width}x${height}.png` });
	});
}

test('command screen - a live event moves its KPI and the ticker; a critical alert takes the screen', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInPage(page, system.webUrl, 'city');
	const response = await page.goto(`${system.webUrl}/command`);
	const headers = response?.headers() ?? {};
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
	const total = page.getByTestId('total-events');
	await expect.poll(async () => count(await total.textContent())).toBeGreaterThan(0);
	const complaints = page.getByTestId('kpi-complaints');
	const before = await count(await complaints.textContent());

	await publishEvent(
		system.js,
		makeEvent({
			type: 'complaint.filed',
			merchantId: 'm-wall-2',
			districtId: '370103',
			actor: { kind: 'public', id: 'qr' },
			payload: { complaintId: 'c-wall', category: 'hygiene', text: '后厨脏乱', channel: 'qr_page' }
		})
	);
	await expect.poll(async () => count(await complaints.textContent())).toBe(before + 1);
	await expect(page.getByTestId('alert-ticker').getByTestId('alert-item').first()).toContainText(
		'经四路小吃店'
	);

	await publishEvent(
		system.js,
		sale('m-wall-1', { expiresOn: '2020-01-01', lotId: 'lot-expired-1' })
	);
	const takeover = page.getByTestId('takeover');
	await expect(takeover).toContainText('泉城路老字号饭店');
	await expect(page.getByTestId('open-alerts-critical')).toHaveText(/1/);
	// Touched, the takeover opens the merchant's drill-down over the wall.
	await takeover.getByRole('button', { name: '查看商户' }).click();
	await expect(takeover).toHaveCount(0);
	const drill = page.getByTestId('drill-overlay');
	await expect(drill).toHaveAttribute('data-merchant', 'm-wall-1');
	await expect(drill).toContainText('泉城路老字号饭店');
	await page.keyboard.press('Escape');
	await expect(drill).toHaveCount(0);
	// So does a touch on a top-risk merchant.
	await page.getByTestId('top-risk-item').filter({ hasText: '经四路小吃店' }).click();
	await expect(drill).toHaveAttribute('data-merchant', 'm-wall-2');
	expect(errors).toEqual([]);
});

test('command screen - a cut connection shows stale badges in time and recovers without a reload', async ({
	page
}) => {
	await signInPage(page, system.webUrl, 'city');
	await page.goto(`${system.webUrl}/command`);
	const badge = page.getByTestId('live-status');
	await expect(badge).toHaveAttribute('data-status', 'live');
	await expect(page.getByTestId('panel-ticker')).toHaveAttribute('data-stale', 'false');
	await page.evaluate(() => ((window as unknown as { wallMark: number }).wallMark = 1));

	// Freeze the processor: sockets stay open, nothing arrives, the overview does not answer.
	system.processor.kill('SIGSTOP');
	try {
		await expect(badge).not.toHaveAttribute('data-status', 'live', { timeout: 20_000 });
		// The default screen calls data older than 15 s stale.
		await expect(page.getByTestId('panel-ticker')).toHaveAttribute('data-stale', 'true', {
			timeout: 25_000
		});
		await expect(page.getByTestId('panel-grades')).toHaveAttribute('data-stale', 'true', {
			timeout: 25_000
		});
		await expect(page.getByTestId('panel-stale').first()).toBeVisible();
	} finally {
		system.processor.kill('SIGCONT');
	}
	await expect(badge).toHaveAttribute('data-status', 'live', { timeout: 30_000 });
	await expect(page.getByTestId('panel-ticker')).toHaveAttribute('data-stale', 'false');
	await expect(page.getByTestId('panel-grades')).toHaveAttribute('data-stale', 'false', {
		timeout: 30_000
	});
	// The same page: it recovered in place.
	expect(await page.evaluate(() => (window as unknown as { wallMark?: number }).wallMark)).toBe(1);
});
