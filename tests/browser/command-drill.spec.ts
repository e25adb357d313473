import { expect, test, type Page } from '@playwright/test';
import { riskHistory } from '../../src/lib/domain/risk/risk-read';
import { riskResult } from '../../src/lib/domain/risk/risk-result';
import { localDay } from '../../src/lib/domain/time';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { failedInspection, purchase } from '../helpers/drill-events';
import { licence, registered, sale, staffMember } from '../helpers/events';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';

let system: TestSystem;
const M = 'm-drill';
const dayFromNow = (n: number) => localDay(Date.now() + n * 86_400_000);

test.beforeAll(async () => {
	system = await startSystem();
	const events = [
		registered(M, '370102', '泉城路问题饭店'),
		licence(M, '2030-12-31'),
		staffMember(M, 's-1', '张师傅'),
		staffMember(M, 's-2', '李帮厨', '2025-01-31'),
		purchase(M, 'lot-old', '鲜牛奶 1L', dayFromNow(-3)),
		purchase(M, 'lot-soon', '酸奶 200g', dayFromNow(2)),
		sale(M, { expiresOn: dayFromNow(-3), lotId: 'lot-old' }),
		failedInspection(M, 'insp-drill-1'),
		registered('m-far', '370103', '市中区别家饭店')
	];
	for (const e of events) await publishEvent(system.js, e);
});
test.afterAll(async () => {
	await system?.stop();
});

async function readApi(path: string) {
	const res = await fetch(`http://127.0.0.1:${system.apiPort}${path}`, {
		headers: await authHeaders()
	});
	return { status: res.status, body: (await res.json()) as unknown };
}

/** The stored score once every event above has been scored: the live score equals the newest row. */
async function storedScore() {
	let stored: ReturnType<typeof riskResult.parse> | undefined;
	await expect
		.poll(
			async () => {
				const now = await readApi(`/api/merchants/${M}/risk`);
				const history = await readApi(`/api/merchants/${M}/risk/history`);
				if (now.status !== 200 || history.status !== 200) return false;
				const r = riskResult.parse(now.body);
				const newest = riskHistory.parse(history.body).items[0];
				stored = r;
				return r.factors.some((f) => f.id === 'inspection') && newest?.score === r.score;
			},
			{ timeout: 30_000 }
		)
		.toBe(true);
	if (!stored) throw new Error('no stored score');
	return stored;
}

async function shownFactors(page: Page) {
	const rows = page.getByTestId('drill-factor');
	const n = await rows.count();
	const shown: { id: string; points: number }[] = [];
	for (let i = 0; i < n; i++) {
		const row = rows.nth(i);
		shown.push({
			id: (await row.getAttribute('data-factor')) ?? '',
			points: Number((await row.getByTestId('drill-factor-points').textContent())?.replace('+', ''))
		});
	}
	return shown;
}

test('command drill - the factor breakdown is the stored score, heaviest first; alerts, inspections, lots and staff show', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const stored = await storedScore();
	await signInPage(page, system.webUrl, 'city');
	await page.goto(`${system.webUrl}/command/merchants/${M}`);
	const drill = page.getByTestId('merchant-drill');
	await expect(drill.getByRole('heading', { name: '泉城路问题饭店' })).toBeVisible();

	await expect(page.getByTestId('drill-score')).toHaveText(String(stored.score));
	const expected = [...stored.factors]
		.sort((a, b) => b.points - a.points || (a.id < b.id ? -1 : 1))
		.map((f) => ({ id: f.id, points: f.points }));
	expect(await shownFactors(page)).toEqual(expected);
	const sum = expected.reduce((n, f) => n + f.points, 0);
	expect(Math.round(Math.min(100, sum) * 10) / 10).toBe(stored.score);

	await expect(page.getByTestId('drill-alerts')).toContainText('过期');
	await expect(page.getByTestId('drill-inspections')).toContainText('不合格');
	await expect(page.getByTestId('drill-lots')).toContainText('鲜牛奶 1L');
	await expect(page.getByTestId('drill-lots')).toContainText('酸奶 200g');
	await expect(page.getByTestId('drill-staff')).toContainText('李帮厨');
	await expect(page.getByTestId('drill-staff')).toContainText('健康证已过期');
	await expect(page.getByTestId('drill-cameras-empty')).toHaveText('未接入摄像头');
	await expect(page.getByTestId('drill-calendar')).toBeVisible();
	await expect(page.getByTestId('drill-dispatch')).toHaveAttribute(
		'href',
		`/tasks/new?merchant=${M}`
	);
	// Nothing leaves the canvas: every panel fits on the 1920×1080 wall.
	for (const box of await page
		.locator('.panel')
		.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
		expect(box.right).toBeLessThanOrEqual(1920);
		expect(box.bottom).toBeLessThanOrEqual(1080);
	}
	await page.getByTestId('drill-back').click();
	await page.waitForURL('**/command');
	expect(errors).toEqual([]);
});

test('command drill - a supervisor of another district gets a 404, the same as for no merchant', async ({
	page
}) => {
	await signInPage(page, system.webUrl, 'sup-a');
	const far = await page.request.get(`${system.webUrl}/api/command/merchants/m-far`);
	expect(far.status()).toBe(404);
	const none = await page.request.get(`${system.webUrl}/api/command/merchants/m-nowhere`);
	expect(none.status()).toBe(404);
	const mine = await page.request.get(`${system.webUrl}/api/command/merchants/${M}`);
	expect(mine.status()).toBe(200);
	const body = JSON.stringify(await mine.json());
	expect(body).not.toContain('JKs-1');
	await page.goto(`${system.webUrl}/command/merchants/m-far`);
	await expect(page.getByTestId('drill-state')).toHaveAttribute('data-state', 'not_found');
	await expect(page.getByTestId('drill-state')).toContainText('辖区内没有该商户');
});

test('command drill - the wall is for supervisors and admins', async ({ page }) => {
	await signInPage(page, system.webUrl, 'insp-a');
	const res = await page.request.get(`${system.webUrl}/api/command/merchants/${M}`);
	expect(res.status()).toBe(403);
});
