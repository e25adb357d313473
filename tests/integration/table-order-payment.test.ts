import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventList } from '../../src/lib/domain/read-model';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { paymentRequest, sandboxProvider } from '../../src/lib/server/payments/sandbox';
import { registered } from '../helpers/events';
import { daysFromNow, lotOf, product, recallOf } from '../helpers/order-events';
import { eventually } from '../helpers/processor';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders, TEST_TICKET_SECRET, publicHeaders } from '../helpers/tickets';

// The sandbox provider's callback through the web server as `npm start` runs it (build/): a
// forged or altered confirmation is refused, a repeated one makes one sale, lines go to lots
// first-expiring-first-out, and a lot recalled after the order was placed is not sold.
// Needs `npx vite build` first.

let sys: TestSystem;
// The provider as the server derives it (payments/configured.ts): the test plays the provider.
const sandbox = sandboxProvider(
	createHmac('sha256', TEST_TICKET_SECRET).update('payments:sandbox').digest('hex')
);

beforeAll(async () => {
	sys = await startSystem();
	for (const e of [
		registered('m-a', '370102', '历下区甲店'),
		product('m-a', 'noodle', '牛肉面', 1800),
		product('m-a', 'egg', '卤蛋', 300),
		lotOf('m-a', 'n-late', 'noodle', 5, daysFromNow(6)),
		lotOf('m-a', 'n-soon', 'noodle', 1, daysFromNow(2)),
		lotOf('m-a', 'e-1', 'egg', 4, daysFromNow(4))
	]) {
		await publishEvent(sys.js, e);
	}
	await eventually(async () => {
		const r = await fetch(`http://127.0.0.1:${sys.apiPort}/public/merchants/m-a/menu`, {
			headers: await publicHeaders()
		});
		const body = r.ok ? ((await r.json()) as { items: { left: number }[] }) : null;
		return body?.items.length === 2 && body.items.every((i) => i.left > 0) ? true : undefined;
	}, 30_000);
}, 120_000);
afterAll(async () => {
	await sys?.stop();
});

/** Places an order as the menu's form does; answers the signed payment request it leads to. */
async function place(lines: Record<string, number>, table = '7') {
	const body = new URLSearchParams({ table });
	for (const [sku, n] of Object.entries(lines)) body.set(`q.${sku}`, String(n));
	const r = await fetch(`${sys.webUrl}/p/m-a/order`, {
		method: 'POST',
		headers: {
			origin: sys.webUrl,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body,
		redirect: 'manual'
	});
	const to = new URL(r.headers.get('location') ?? '/', sys.webUrl);
	expect(r.status, await r.clone().text()).toBe(303);
	const orderId = decodeURIComponent(to.pathname.split('/').at(-1) ?? '');
	return paymentRequest.parse({
		orderId,
		merchantId: to.searchParams.get('m'),
		amountFen: Number(to.searchParams.get('amount')),
		sig: to.searchParams.get('sig')
	});
}

const notify = (body: unknown) =>
	fetch(`${sys.webUrl}/pay/sandbox/notify`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});

async function eventsOf(type: string, orderId?: string) {
	const r = await fetch(
		`http://127.0.0.1:${sys.apiPort}/api/events?merchantId=m-a&type=${type}&limit=200`,
		{ headers: await authHeaders() }
	);
	return eventList
		.parse(await r.json())
		.items.filter((e) => !orderId || (e.payload as { orderId: string }).orderId === orderId);
}
const salesOf = (orderId?: string) => eventsOf('till.sale.recorded', orderId);
const refundsOf = (orderId?: string) => eventsOf('till.order.refunded', orderId);

async function orderView(orderId: string) {
	const r = await fetch(`http://127.0.0.1:${sys.apiPort}/public/merchants/m-a/orders/${orderId}`, {
		headers: await publicHeaders()
	});
	return (await r.json()) as unknown;
}

describe('table order payment', () => {
	it('payment - forged and altered confirmations are refused; a repeated one makes one sale', async () => {
		const req = await place({ noodle: 2, egg: 1 });
		expect(req.amountFen).toBe(3900);
		expect(sandbox.verify(req)).toBe(true);
		const paid = sandbox.confirm(req, 'paid');

		expect((await notify({ ...paid, sig: 'f'.repeat(64) })).status).toBe(403);
		expect((await notify({ ...paid, amountFen: 1 })).status).toBe(403);
		const forger = sandboxProvider('another secret, not the server’s');
		expect((await notify(forger.confirm(forger.request(req), 'paid'))).status).toBe(403);
		expect((await notify({ orderId: req.orderId })).status).toBe(400);
		expect(await salesOf(req.orderId)).toEqual([]);

		// A double tap and a late retry: all answered paid, one sale.
		const answers = await Promise.all([notify(paid), notify(paid)]);
		answers.push(await notify(paid));
		for (const a of answers) {
			expect(await a.json()).toEqual({ status: 'paid', orderId: req.orderId });
		}
		const sales = await eventually(async () => {
			const s = await salesOf(req.orderId);
			return s.length > 0 ? s : undefined;
		});
		await new Promise((r) => setTimeout(r, 1500)); // a second sale would have been stored by now
		expect(await salesOf(req.orderId)).toHaveLength(1);
		expect(sales[0]?.payload).toMatchObject({
			channel: 'table_qr',
			payment: 'mobile',
			paymentRef: paid.ref,
			totalFen: 3900,
			lines: [
				{ sku: 'noodle', lotId: 'n-soon', quantity: 1, unitPriceFen: 1800 },
				{ sku: 'noodle', lotId: 'n-late', quantity: 1, unitPriceFen: 1800 },
				{ sku: 'egg', lotId: 'e-1', quantity: 1, unitPriceFen: 300 }
			]
		});
		const order = await fetch(
			`http://127.0.0.1:${sys.apiPort}/public/merchants/m-a/orders/${req.orderId}`,
			{ headers: await publicHeaders() }
		);
		expect(await order.json()).toMatchObject({ status: 'paid', table: '7' });
	});

	it('payment - a dish whose lots were recalled after ordering is not sold: the payment is refunded', async () => {
		const req = await place({ egg: 1 });
		await publishEvent(sys.js, recallOf('m-a', 'r-egg', ['e-1']));
		await eventually(async () => {
			const r = await fetch(`http://127.0.0.1:${sys.apiPort}/public/merchants/m-a/menu`, {
				headers: await publicHeaders()
			});
			const menu = (await r.json()) as { items: { sku: string; left: number }[] };
			return menu.items.find((i) => i.sku === 'egg')?.left === 0 ? true : undefined;
		});
		// The diner has paid: the provider's notice is accepted and the money goes back.
		const paid = sandbox.confirm(req, 'paid');
		const r = await notify(paid);
		expect(r.status).toBe(200);
		expect(await r.json()).toEqual({ status: 'refunded', orderId: req.orderId });
		expect(await (await notify(paid)).json()).toEqual({ status: 'refunded', orderId: req.orderId });
		expect(await salesOf(req.orderId)).toEqual([]);
		expect(await orderView(req.orderId)).toMatchObject({
			status: 'refunded',
			refund: { reason: 'blocked', productName: '卤蛋' }
		});
		const refunds = await refundsOf(req.orderId);
		expect(refunds).toHaveLength(1);
		expect(refunds[0]?.payload).toMatchObject({
			paymentRef: paid.ref,
			amountFen: 300,
			refundRef: expect.stringMatching(/^SBR/)
		});
		// The diner's page says so, with the dish.
		const page = await (await fetch(`${sys.webUrl}/p/m-a/order/${req.orderId}`)).text();
		expect(page).toContain('已退款');
		expect(page).toContain('卤蛋 暂停销售');
		// And the menu no longer takes it.
		const refused = await fetch(`${sys.webUrl}/p/m-a/order`, {
			method: 'POST',
			headers: {
				origin: sys.webUrl,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ 'q.egg': '1' }),
			redirect: 'manual'
		});
		expect(refused.status).toBe(409);
	});

	it('payment - two diners paying for the last units at once: one is served, one refunded', async () => {
		// 4 noodles are left (the first test sold 2 of 6); each diner orders all 4.
		const [a, b] = [await place({ noodle: 4 }, '8'), await place({ noodle: 4 }, '9')];
		const answers = await Promise.all([a, b].map((req) => notify(sandbox.confirm(req, 'paid'))));
		const statuses = await Promise.all(answers.map(async (r) => (await r.json()).status));
		expect(statuses.sort()).toEqual(['paid', 'refunded']);
		const noodlesSold = (await salesOf())
			.flatMap((e) => (e.payload as { lines: { sku: string; quantity: number }[] }).lines)
			.filter((l) => l.sku === 'noodle')
			.reduce((n, l) => n + l.quantity, 0);
		expect(noodlesSold).toBe(6);
		const refunded = statuses[0] === 'refunded' ? a : b;
		expect(await orderView(refunded.orderId)).toMatchObject({
			status: 'refunded',
			refund: { reason: 'out_of_stock', productName: '牛肉面' }
		});
	});
});
