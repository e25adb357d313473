import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { daysFromNow, lotOf, product } from '../helpers/order-events';
import { eventually } from '../helpers/processor';
import { startSystem, type TestSystem } from '../helpers/system';
import { publicHeaders } from '../helpers/tickets';

// PAYMENTS_SANDBOX=0: the sandbox provider's pages and callback are not there, and a diner's
// table order is paid at the counter.
// Needs `npx vite build` first.

let sys: TestSystem;
beforeAll(async () => {
	sys = await startSystem({ webEnv: { PAYMENTS_SANDBOX: '0' } });
	for (const e of [
		registered('m-a', '370102', '历下区甲店'),
		product('m-a', 'noodle', '牛肉面', 1800),
		lotOf('m-a', 'n-1', 'noodle', 5, daysFromNow(6))
	]) {
		await publishEvent(sys.js, e);
	}
	await eventually(async () => {
		const r = await fetch(`http://127.0.0.1:${sys.apiPort}/public/merchants/m-a/menu`, {
			headers: await publicHeaders()
		});
		const body = r.ok ? ((await r.json()) as { items: { left: number }[] }) : null;
		return body?.items.some((i) => i.left > 0) ? true : undefined;
	}, 30_000);
}, 120_000);
afterAll(async () => {
	await sys?.stop();
});

describe('sandbox payments switched off', () => {
	it('payments - /pay/sandbox/* answers 404', async () => {
		const page = await fetch(`${sys.webUrl}/pay/sandbox/0190a0b0-0000-7000-8000-000000000000`);
		expect(page.status).toBe(404);
		const notify = await fetch(`${sys.webUrl}/pay/sandbox/notify`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: sys.webUrl },
			body: '{}'
		});
		expect(notify.status).toBe(404);
	});

	it('payments - a table order is placed and its page tells the diner to pay at the counter', async () => {
		// The menu says so before the order, and its button does not promise a payment.
		const menu = await (await fetch(`${sys.webUrl}/p/m-a/order?table=5`)).text();
		expect(menu).toContain('下单后请到收银台付款');
		expect(menu).not.toContain('下单并支付');

		const placed = await fetch(`${sys.webUrl}/p/m-a/order`, {
			method: 'POST',
			headers: {
				origin: sys.webUrl,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ table: '5', 'q.noodle': '2' }),
			redirect: 'manual'
		});
		expect(placed.status).toBe(303);
		const to = placed.headers.get('location') ?? '';
		expect(to).toMatch(/^\/p\/m-a\/order\/[^/?]+$/);

		const page = await eventually(async () => {
			const r = await fetch(`${sys.webUrl}${to}`);
			return r.status === 200 ? r.text() : undefined;
		});
		expect(page).toContain('data-status="placed"');
		expect(page).toContain('请到收银台付款');
		// No online payment offered: no link to the sandbox provider.
		expect(page).not.toContain('/pay/sandbox/');
		expect(page).not.toContain('去支付');
	});
});
