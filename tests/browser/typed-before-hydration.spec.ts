import { expect, test } from '@playwright/test';
import { publishMany } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { openUnhydrated } from '../helpers/hydration';
import { signInPage } from '../helpers/sign-in-page';
import { startSystem, type TestSystem } from '../helpers/system';

// On a slow phone a person types into the server's HTML before the app's scripts arrive. The
// app taking over the page (hydration) must keep what was typed: Svelte writes an input's
// `value={…}` into the box as it hydrates, so forms give their boxes a defaultValue or a binding.

let system: TestSystem;
const M = 'm-a';

test.beforeAll(async () => {
	system = await startSystem();
	await publishMany(system.js, [registered(M, '370102', '历下区甲店')]);
});
test.afterAll(async () => {
	await system?.stop();
});

test('typed before hydration - the shop owner’s product form keeps what was typed', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInPage(page, system.webUrl, 'own-ab');
	const app = await openUnhydrated(page, `${system.webUrl}/m/${M}/products`);
	await page.getByLabel('商品编码').fill('tea');
	await page.getByLabel('名称').fill('大麦茶');
	await page.getByLabel('单位').fill('壶');
	await app.hydrate();
	await expect(page.getByLabel('商品编码')).toHaveValue('tea');
	await expect(page.getByLabel('名称')).toHaveValue('大麦茶');
	await expect(page.getByLabel('单位')).toHaveValue('壶');
	expect(errors).toEqual([]);
});
