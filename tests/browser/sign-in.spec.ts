import { expect, test } from '@playwright/test';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { openPhone } from '../helpers/phone';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';

let system: TestSystem;

test.beforeAll(async () => {
	system = await startSystem();
	await publishEvent(system.js, registered('m-a', '370102', '历下区甲店'));
	await publishEvent(system.js, registered('m-b', '370103', '市中区乙店'));
});
test.afterAll(async () => {
	await system?.stop();
});

const homes = [
	{ user: 'root', url: /\/admin$/, shows: { role: 'heading', name: '用户管理' } },
	{ user: 'city', url: /\/command$/, shows: { testId: 'live-status' } },
	{ user: 'sup-a', url: /\/command\?district=370102$/, shows: { testId: 'live-status' } },
	{ user: 'insp-a', url: /\/inspect$/, shows: { role: 'heading', name: '执法检查' } },
	{ user: 'own-ab', url: /\/m$/, shows: { text: '市中区乙店' } },
	{ user: 'staff-a', url: /\/m\/m-a$/, shows: { role: 'heading', name: '历下区甲店' } }
] as const;

for (const h of homes) {
	test(`sign-in - ${h.user} lands on their role's home page`, async ({ page }) => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await signInPage(page, system.webUrl, h.user);
		await expect(page).toHaveURL(h.url);
		const s = h.shows;
		if ('testId' in s) {
			await expect(page.getByTestId(s.testId)).toHaveAttribute('data-status', 'live');
		} else if ('role' in s) await expect(page.getByRole(s.role, { name: s.name })).toBeVisible();
		else await expect(page.getByText(s.text)).toBeVisible();
		expect(errors).toEqual([]);
	});
}

test('sign-in - wrong password: one message for every refusal; sign out ends the session', async ({
	page
}) => {
	await signInPage(page, system.webUrl, 'staff-a', 'not the password', { expectRefusal: true });
	await expect(page.getByRole('alert')).toHaveText('用户名或密码错误。');
	await signInPage(page, system.webUrl, 'no-such-user', 'not the password', {
		expectRefusal: true
	});
	await expect(page.getByRole('alert')).toHaveText('用户名或密码错误。');
	await signInPage(page, system.webUrl, 'staff-a');
	await expect(page).toHaveURL(/\/m\/m-a$/);
	await page.getByRole('button', { name: '退出' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await page.goto(`${system.webUrl}/m/m-a`);
	await expect(page).toHaveURL(/\/login\?next=%2Fm%2Fm-a$/);
});

test('sign-in - a new user from the admin page must replace the one-time password first', async ({
	page,
	browser
}) => {
	await signInPage(page, system.webUrl, 'root');
	const create = page.locator('details.create');
	await create.locator('summary').click();
	await create.getByLabel('用户名').fill('new-insp');
	await create.getByLabel('姓名').fill('新检查员');
	await create.getByLabel('角色').selectOption('inspector');
	await create.getByLabel('历下区').check();
	await create.getByRole('button', { name: '新建用户' }).click();
	const otp = (await page.getByTestId('one-time-password').textContent())?.trim() ?? '';
	expect(otp).toMatch(/^[A-Za-z2-9]{16}$/);

	const other = await browser.newPage();
	await signInPage(other, system.webUrl, 'new-insp', otp);
	await expect(other).toHaveURL(/\/account\/password$/);
	await other.goto(`${system.webUrl}/inspect`);
	await expect(other).toHaveURL(/\/account\/password$/);
	await other.getByLabel('当前密码').fill(otp);
	await other.getByLabel('新密码', { exact: true }).fill('泉城 autumn 2026');
	await other.getByLabel('再次输入新密码').fill('泉城 autumn 2026');
	await other.getByRole('button', { name: '保存新密码' }).click();
	await expect(other.getByRole('status')).toContainText('密码已修改');
	await other.goto(`${system.webUrl}/inspect`);
	await expect(other.getByRole('heading', { name: '执法检查' })).toBeVisible();
	await other.close();
});

test('header - on a phone: two lines, the sections scroll sideways, the page does not', async ({
	browser
}) => {
	const { page, errors } = await openPhone(browser);
	await signInPage(page, system.webUrl, 'sup-a');
	await page.goto(`${system.webUrl}/registry/ledgers`);
	const header = page.locator('header');
	const box = await header.boundingBox();
	// The brand and the person on one line, the sections on the next: not three or four rows.
	expect(box?.height).toBeLessThan(110);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	// Ledgers is inside the registry's path; the longer link is the one marked.
	await expect(header.getByRole('link', { name: '台账监管' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(header.getByRole('link', { name: '主体台账' })).not.toHaveAttribute('aria-current');
	const last = header.getByRole('link', { name: '视频监管' });
	await last.scrollIntoViewIfNeeded();
	await expect(last).toBeInViewport();
	// The name leads to the account page (修改密码 has no room of its own on a phone).
	await header.getByRole('link', { name: '历下监管' }).click();
	await expect(page).toHaveURL(/\/account\/password$/);
	await page.screenshot({ path: 'test-results/header-phone.png' });
	expect(errors).toEqual([]);
});
