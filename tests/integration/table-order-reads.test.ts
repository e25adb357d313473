import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { publicMenu, tableOrderList, tableOrderView } from '../../src/lib/domain/order/table-order';
import { makeEvent, publishEvent } from '../../src/lib/server/backbone/publisher';
import { uuidv7 } from '../../src/lib/domain/ids';
import { registered } from '../helpers/events';
import { daysFromNow, lotOf, product, recallOf } from '../helpers/order-events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';

// The processor's scan-to-order reads: the public menu (priced, not retired; what may be sold,
// recalled and expired lots not counted), one order for its holder, the shop's list and lots.

let p: Pipeline;
const owner: TicketClaims = {
	sub: 'own',
	role: 'merchant_owner',
	districts: [],
	merchants: ['m-o']
};
const stranger: TicketClaims = {
	sub: 'x',
	role: 'merchant_owner',
	districts: [],
	merchants: ['m-x']
};
const orderId = uuidv7();

beforeAll(async () => {
	p = await startPipeline();
	const events = [
		registered('m-o', '370102', '历下面馆'),
		product('m-o', 'noodle', '牛肉面', 1800),
		product('m-o', 'egg', '卤蛋', 300),
		product('m-o', 'tea', '大麦茶', 500),
		product('m-o', 'flour', '面粉', undefined),
		product('m-o', 'old', '旧菜', 900, { retired: true }),
		lotOf('m-o', 'n-late', 'noodle', 5, daysFromNow(5)),
		lotOf('m-o', 'n-soon', 'noodle', 2, daysFromNow(1)),
		lotOf('m-o', 'n-gone', 'noodle', 9, daysFromNow(-2)),
		lotOf('m-o', 'e-bad', 'egg', 30, daysFromNow(3)),
		recallOf('m-o', 'r-1', ['e-bad']),
		makeEvent({
			id: orderId,
			type: 'till.order.placed',
			merchantId: 'm-o',
			districtId: '370102',
			actor: { kind: 'system', id: 'table-order' },
			payload: {
				orderId,
				table: '5',
				lines: [{ sku: 'noodle', productName: '牛肉面', quantity: 2, unitPriceFen: 1800 }],
				totalFen: 3600,
				channel: 'table_qr'
			}
		})
	];
	for (const e of events) await publishEvent(p.js, e);
});
afterAll(async () => {
	await p?.stop();
});

describe('table order reads', () => {
	it('menu - priced dishes only, with what may be sold (recalled and expired lots not)', async () => {
		const menu = await eventually(async () => {
			const r = await p.api('/public/merchants/m-o/menu');
			const m = r.status === 200 ? publicMenu.parse(r.body) : undefined;
			return m && m.items.length === 3 && m.items.some((i) => i.left > 0) ? m : undefined;
		}, 20_000);
		expect(menu.merchant).toMatchObject({ id: 'm-o', name: '历下面馆' });
		expect(menu.merchant.grade).toMatch(/^[A-D]$/);
		const bySku = Object.fromEntries(menu.items.map((i) => [i.sku, [i.priceFen, i.left]]));
		expect(bySku).toEqual({ noodle: [1800, 7], egg: [300, 0], tea: [500, 0] });
		expect(JSON.stringify(menu)).not.toMatch(/sup-1|鲜达|n-late/);
		expect((await p.api('/public/merchants/m-none/menu')).status).toBe(404);
	});

	it('orders - one order by id for its holder; the shop’s list and lots for its people only', async () => {
		const order = await eventually(async () => {
			const r = await p.api(`/public/merchants/m-o/orders/${orderId}`);
			return r.status === 200 ? tableOrderView.parse(r.body) : undefined;
		}, 20_000);
		expect(order).toMatchObject({
			orderId,
			table: '5',
			totalFen: 3600,
			status: 'placed',
			paidAt: null
		});
		expect((await p.api(`/public/merchants/m-o/orders/${uuidv7()}`)).status).toBe(404);
		// Only the web server may ask: a direct call without its public-read ticket is refused.
		const direct = await fetch(`http://127.0.0.1:${p.processor.port}/public/merchants/m-o/menu`);
		expect(direct.status).toBe(401);

		const list = tableOrderList.parse((await p.api('/api/merchants/m-o/table-orders', owner)).body);
		expect(list.items.map((o) => o.orderId)).toEqual([orderId]);
		expect((await p.api('/api/merchants/m-o/table-orders', stranger)).status).toBe(404);
	});
});
