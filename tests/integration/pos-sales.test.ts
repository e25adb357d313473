import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { alertPage } from '../../src/lib/domain/alerts/read-model';
import type { TillSale } from '../../src/lib/domain/events/till';
import { eventList } from '../../src/lib/domain/read-model';
import { localDay } from '../../src/lib/domain/time';
import { stockList } from '../../src/lib/domain/trace/stock-list';
import { makeEvent, publishMany } from '../../src/lib/server/backbone/publisher';
import { readAudit } from '../../src/lib/server/accounts/audit';
import { PosKeyStore } from '../../src/lib/server/pos/key-store';
import { digestKeySecret } from '../../src/lib/server/pos/keys';
import { tableSaleEventId } from '../../src/lib/server/orders/sale-id';
import { tableOrderList } from '../../src/lib/domain/order/table-order';
import { httpSignIn } from '../helpers/accounts';
import { registered } from '../helpers/events';
import { eventually } from '../helpers/processor';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';

// Sales from a real POS (POST /api/pos/v1/sales with a merchant API key) and from the shop's till
// page, through the web server as `npm start` runs it (build/), the processor and chDB.

const M = 'm-a';
const D = '370102';
const owner: TicketClaims = {
	sub: 'own-ab',
	role: 'merchant_owner',
	districts: [],
	merchants: [M]
};
const shop = { kind: 'merchant' as const, id: 'own-ab' };
const today = localDay(Date.now());
const day = (offset: number) =>
	new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

let sys: TestSystem;
let keys: PosKeyStore;
let key = '';

const purchase = (lotId: string, quantity: number, expiresOn: string, receivedDaysAgo = 1) =>
	makeEvent({
		type: 'ledger.purchase.recorded',
		merchantId: M,
		districtId: D,
		actor: shop,
		occurredAt: new Date(Date.now() - receivedDaysAgo * 86_400_000).toISOString(),
		payload: {
			lotId,
			supplierId: 'sup-xd',
			supplierName: '济南鲜达食品有限公司',
			sku: 'milk',
			productName: '鲜牛奶 1L',
			quantity,
			unit: '盒',
			productionDate: day(-20),
			expiresOn,
			batchNo: `B-${lotId}`
		}
	});

async function api<T>(path: string, schema: { parse: (v: unknown) => T }): Promise<T> {
	const res = await fetch(`http://127.0.0.1:${sys.apiPort}${path}`, {
		headers: await authHeaders(owner)
	});
	if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
	return schema.parse(await res.json());
}

const sales = async () =>
	(await api(`/api/events?merchantId=${M}&type=till.sale.recorded&limit=50`, eventList)).items;

function pos(body: unknown, bearer: string | null = key, language?: string) {
	return fetch(`${sys.webUrl}/api/pos/v1/sales`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
			...(language ? { 'accept-language': language } : {})
		},
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
}

beforeAll(async () => {
	sys = await startSystem();
	await publishMany(sys.js, [
		registered(M, D, '历下甲店'),
		makeEvent({
			type: 'stock.product.upserted',
			merchantId: M,
			districtId: D,
			actor: shop,
			payload: {
				sku: 'milk',
				name: '鲜牛奶 1L',
				category: 'dairy_eggs',
				shelfLifeDays: 15,
				storage: 'chilled',
				unit: '盒',
				priceFen: 1_290
			}
		}),
		// First to expire but recalled; then 2 + 10 sellable; one expired lot; one for the till.
		purchase('lot-r', 5, day(1), 3),
		purchase('lot-a', 2, day(2), 2),
		purchase('lot-b', 10, day(9), 1),
		purchase('lot-x', 4, day(-1), 10),
		makeEvent({
			type: 'recall.opened',
			merchantId: M,
			districtId: D,
			actor: { kind: 'supervisor', id: 'city' },
			payload: {
				recallId: 'rc-1',
				title: '鲜牛奶召回',
				reason: '抽检不合格',
				level: '1',
				lots: [{ supplierId: 'sup-xd', batchNo: 'B-lot-r' }],
				merchantLotIds: ['lot-r'],
				publicNotice: '本店已下架召回批次'
			}
		})
	]);
	await eventually(async () => {
		const s = await api(`/api/merchants/${M}/stock`, stockList);
		const r = s.items.find((l) => l.lotId === 'lot-r');
		return s.items.length === 4 && r && r.recallIds.includes('rc-1') ? s : undefined;
	}, 30_000);
	keys = await PosKeyStore.open(sys.js);
	key = (await keys.issue(M, '前台 POS', { id: 'own-ab' })).key;
}, 120_000);
afterAll(async () => {
	await sys?.stop();
});

describe('POS API', () => {
	it('pos - a sale lands as one till.sale.recorded with its lines taken from lots first-expiring-first-out, the recalled lot skipped', async () => {
		const res = await pos({
			saleId: 'pos-0001',
			lines: [{ sku: 'milk', quantity: 3 }],
			payment: 'card'
		});
		expect(res.status).toBe(201);
		const body = await res.json();
		expect(body.lines).toEqual([
			{ sku: 'milk', lotId: 'lot-a', quantity: 2, unitPriceFen: 1_290 },
			{ sku: 'milk', lotId: 'lot-b', quantity: 1, unitPriceFen: 1_290 }
		]);
		expect(body.totalFen).toBe(3 * 1_290);

		// The same sale again (the POS lost our answer): the first answer, and still one event.
		const again = await pos({
			saleId: 'pos-0001',
			lines: [{ sku: 'milk', quantity: 3 }],
			payment: 'card'
		});
		expect(again.status).toBe(200);
		expect(await again.json()).toMatchObject({ eventId: body.eventId, duplicate: true });

		const stored = await eventually(async () => {
			const s = (await sales()).filter((e) => (e.payload as TillSale).orderId === 'pos-0001');
			return s.length > 0 ? s : undefined;
		});
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ id: body.eventId, actorKind: 'device' });
		expect(stored[0]?.payload).toMatchObject({
			channel: 'pos_api',
			payment: 'card',
			lines: [
				{ lotId: 'lot-a', quantity: 2 },
				{ lotId: 'lot-b', quantity: 1 }
			]
		});
		const lotA = await eventually(async () => {
			const a = (await api(`/api/merchants/${M}/stock`, stockList)).items.find(
				(l) => l.lotId === 'lot-a'
			);
			return a?.sold === 2 ? a : undefined;
		});
		expect(lotA.remaining).toBe(0);
	});

	it('pos - a recalled lot is refused with 召回批次禁止销售; nothing is recorded', async () => {
		const res = await pos({
			saleId: 'pos-0002',
			lines: [{ sku: 'milk', quantity: 1, lotId: 'lot-r' }],
			payment: 'cash'
		});
		expect(res.status).toBe(409);
		const body = await res.json();
		expect(body.problems).toEqual([
			expect.objectContaining({
				path: 'lines.0.lotId',
				reason: 'recalled',
				lotId: 'lot-r',
				code: 'lot_recalled',
				message: '召回批次禁止销售'
			})
		]);
		expect(body.code).toBe('sale_refused');
		expect(body.error).toBe('召回批次禁止销售');
		expect(res.headers.get('content-language')).toBe('zh-CN');

		// A POS that asks for English reads English; the codes are the same.
		const en = await pos(
			{
				saleId: 'pos-0002',
				lines: [{ sku: 'milk', quantity: 1, lotId: 'lot-r' }],
				payment: 'cash'
			},
			key,
			'en-US,en;q=0.9,zh;q=0.5'
		);
		expect(en.status).toBe(409);
		expect(en.headers.get('content-language')).toBe('en');
		const enBody = await en.json();
		expect(enBody).toMatchObject({
			code: 'sale_refused',
			error: 'Lot under recall: not for sale',
			problems: [
				{ code: 'lot_recalled', reason: 'recalled', message: 'Lot under recall: not for sale' }
			]
		});
		// Too many for the lots left: a short line says how many may be sold.
		const short = await (
			await pos({ saleId: 'pos-0006', lines: [{ sku: 'milk', quantity: 500 }], payment: 'cash' })
		).json();
		expect(short.problems).toEqual([
			expect.objectContaining({ path: 'lines.0.quantity', code: 'short_recalled' })
		]);
		expect(short.error).toMatch(/^召回批次禁止销售；可售 \d+$/);
		expect((await sales()).some((e) => (e.payload as TillSale).orderId === 'pos-0002')).toBe(false);
	});

	it('pos - an expired lot the POS reports selling is recorded and raises expired_lot_sold', async () => {
		const res = await pos({
			saleId: 'pos-0003',
			lines: [{ sku: 'milk', quantity: 1, lotId: 'lot-x' }],
			payment: 'cash'
		});
		expect(res.status).toBe(201);
		const alert = await eventually(async () => {
			const page = await api(`/api/alerts?merchantId=${M}&limit=50`, alertPage);
			return page.items.find((a) => a.rule === 'expired_lot_sold');
		}, 20_000);
		expect(alert).toMatchObject({ severity: 'critical', merchantId: M });
	});

	it('pos - no key or an unknown key is 401, a revoked key 403, a bad body 400 naming the field', async () => {
		const sale = { saleId: 'pos-0004', lines: [{ sku: 'milk', quantity: 1 }], payment: 'cash' };
		const missing = await pos(sale, null);
		expect(missing.status).toBe(401);
		expect(await missing.json()).toMatchObject({ code: 'key_missing' });
		const unknown = await pos(sale, `${key.slice(0, -4)}AAAA`, 'en');
		expect(unknown.status).toBe(401);
		expect(unknown.headers.get('www-authenticate')).toMatch(/^Bearer/);
		expect(await unknown.json()).toEqual({ code: 'key_unknown', error: 'Unknown API key' });

		const bad = await pos({
			saleId: 'pos-0005',
			lines: [{ sku: 'milk', quantity: -1 }],
			payment: 'cash'
		});
		expect(bad.status).toBe(400);
		const body = await bad.json();
		expect(body.issues).toContainEqual(expect.objectContaining({ path: 'lines.0.quantity' }));
		expect(body.error).toContain('lines.0.quantity');
		expect(body.code).toBe('invalid_body');
		expect((await pos({ ...sale, payment: 'cheque' })).status).toBe(400);
		const notJson = await pos('{not json');
		expect(notJson.status).toBe(400);
		expect(await notJson.json()).toEqual({
			code: 'body_not_json',
			error: '请求内容不是 JSON',
			issues: []
		});

		const other = await keys.issue(M, '旧 POS', { id: 'own-ab' });
		const keyId = other.state.keyId;
		expect(await keys.revoke(M, keyId, { id: 'own-ab' })).toBe(true);
		const revoked = await pos(sale, other.key);
		expect(revoked.status).toBe(403);
		expect(await revoked.json()).toEqual({ code: 'key_revoked', error: 'API 密钥已停用' });
	});
	it('pos - each key has its own rate limit: past 120 calls a minute it answers 429 with retry-after', async () => {
		const busy = (await keys.issue(M, '压测 POS', { id: 'own-ab' })).key;
		const statuses: number[] = [];
		for (let i = 0; i < 121; i++) statuses.push((await pos('{', busy)).status);
		expect(statuses.slice(0, 120).every((s) => s === 400)).toBe(true);
		const limited = await pos('{', busy);
		expect(limited.status).toBe(429);
		const retryAfter = Number(limited.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(0);
		expect(await limited.json()).toEqual({
			code: 'rate_limited',
			error: `请求过于频繁，请 ${retryAfter} 秒后再试`
		});
		// Another key of the same shop is not held back.
		expect((await pos('{')).status).toBe(400);
	});
});

describe('till page', () => {
	/** Posts a form action as the page's enhanced form does; answers its ActionResult. */
	async function action(cookie: string, path: string, fields: Record<string, string>) {
		const res = await fetch(`${sys.webUrl}${path}`, {
			method: 'POST',
			headers: {
				cookie,
				origin: sys.webUrl,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams(fields)
		});
		return (await res.json()) as { type: string; status?: number; data?: string };
	}

	it('till - staff sell by FIFO and are refused a recalled lot; only the owner edits products', async () => {
		const staff = (await httpSignIn(sys.webUrl, 'staff-a')).cookie ?? '';
		const sold = await action(staff, `/m/${M}/till?/sell`, {
			orderId: 'till-0001',
			lines: JSON.stringify([{ sku: 'milk', quantity: 2 }]),
			payment: 'mobile'
		});
		expect(sold.type).toBe('success');
		expect(sold.data).toContain('lot-b');
		const event = await eventually(async () =>
			(await sales()).find((e) => (e.payload as TillSale).orderId === 'till-0001')
		);
		expect(event.payload).toMatchObject({
			channel: 'till',
			payment: 'mobile',
			paymentRef: expect.stringMatching(/^SBX/),
			lines: [{ lotId: 'lot-b', quantity: 2 }]
		});
		expect(event.actorId).toBe('staff-a');

		// Everything sellable is asked for and more: the recalled lot is named as the reason.
		const refused = await action(staff, `/m/${M}/till?/sell`, {
			orderId: 'till-0002',
			lines: JSON.stringify([{ sku: 'milk', quantity: 50 }]),
			payment: 'cash'
		});
		expect(refused).toMatchObject({ type: 'failure', status: 409 });
		expect(refused.data).toContain('recalled');

		// A diner's table order (扫码点餐) is collected at the till: its id becomes the sale's.
		await publishMany(sys.js, [
			makeEvent({
				type: 'till.order.placed',
				merchantId: M,
				districtId: D,
				actor: { kind: 'public', id: 'table-3' },
				payload: {
					orderId: 'tbl-0001',
					table: '3',
					// Ordered before the shop raised the price: the diner pays what the menu said.
					lines: [{ sku: 'milk', productName: '鲜牛奶 1L', quantity: 1, unitPriceFen: 1_190 }],
					totalFen: 1_190,
					channel: 'table_qr'
				}
			})
		]);
		await eventually(async () => {
			const list = await api(`/api/merchants/${M}/table-orders`, tableOrderList);
			return list.items.some((o) => o.orderId === 'tbl-0001') ? true : undefined;
		});
		const collect = () =>
			action(staff, `/m/${M}/till?/sell`, {
				orderId: 'tbl-0001',
				lines: JSON.stringify([{ sku: 'milk', quantity: 1 }]),
				payment: 'cash',
				tableOrder: '1'
			});
		expect((await collect()).type).toBe('success');
		const paidOrder = await eventually(async () =>
			(await sales()).find((e) => (e.payload as TillSale).orderId === 'tbl-0001')
		);
		expect(paidOrder.payload).toMatchObject({ channel: 'table_qr', totalFen: 1_190 });
		// The same id the diner's online payment would give it: the order can be sold only once.
		expect(paidOrder.id).toBe(tableSaleEventId(M, 'tbl-0001'));
		// Collected (or paid online) already: the till refuses it with a clear reason.
		const again = await collect();
		expect(again).toMatchObject({ type: 'failure', status: 409 });
		expect(again.data).toContain('paid');
		expect(
			(await sales()).filter((e) => (e.payload as TillSale).orderId === 'tbl-0001')
		).toHaveLength(1);

		const product = await action(staff, `/m/${M}/products?/save`, {
			sku: 'tea',
			name: '茶',
			category: 'beverage',
			shelfLifeDays: '365',
			storage: 'ambient',
			unit: '杯',
			price: '5'
		});
		expect(product).toMatchObject({ type: 'failure', status: 403 });
	});

	it('stock - the same movement form posted twice (a double click) records one event', async () => {
		const staff = (await httpSignIn(sys.webUrl, 'staff-a')).cookie ?? '';
		const page = await fetch(`${sys.webUrl}/m/${M}/stock`, { headers: { cookie: staff } });
		const formId = /name="formId" value="([^"]+)"/.exec(await page.text())?.[1];
		expect(formId).toBeTruthy();
		const waste = () =>
			action(staff, `/m/${M}/stock?/move`, {
				formId: formId ?? '',
				lotId: 'lot-b',
				kind: 'waste',
				quantity: '1',
				reason: '包装破损'
			});
		expect((await waste()).type).toBe('success');
		expect((await waste()).type).toBe('success');
		const moves = async () =>
			(await api(`/api/events?merchantId=${M}&type=stock.movement.recorded&limit=50`, eventList))
				.items;
		await eventually(async () => ((await moves()).length > 0 ? true : undefined));
		await new Promise((r) => setTimeout(r, 500));
		expect(await moves()).toHaveLength(1);
		// Without the page's form id nothing is recorded.
		const bare = await action(staff, `/m/${M}/stock?/move`, {
			lotId: 'lot-b',
			kind: 'waste',
			quantity: '1',
			reason: '包装破损'
		});
		expect(bare).toMatchObject({ type: 'failure', status: 400 });
	});

	it('home - the workspace reminds the shop of the open recall and the expired lot on the shelf', async () => {
		const staff = (await httpSignIn(sys.webUrl, 'staff-a')).cookie ?? '';
		const html = await (await fetch(`${sys.webUrl}/m/${M}`, { headers: { cookie: staff } })).text();
		const reminders = html.slice(html.indexOf('data-testid="stock-reminders"'));
		expect(reminders).toContain('1级召回：鲜牛奶召回');
		expect(reminders).toContain('确认并下架');
		// lot-x expired yesterday with units left.
		expect(reminders).toMatch(/data-testid="reminder-expired"[^]*1 个批次已过期/);
	});

	it('pos keys - the owner making and revoking a key each leave one audit record, with no secret', async () => {
		const since = new Date(Date.now() - 1_000);
		const owner = (await httpSignIn(sys.webUrl, 'own-ab')).cookie ?? '';
		const made = await action(owner, `/m/${M}/pos-keys?/create`, { label: '审计 POS' });
		expect(made.type).toBe('success');
		const newKey = /fspos_([a-z0-9]{16})_([A-Za-z0-9_-]{43})/.exec(made.data ?? '');
		const [, keyId = '', secret = ''] = newKey ?? [];
		expect(secret).not.toBe('');
		expect((await action(owner, `/m/${M}/pos-keys?/revoke`, { keyId })).type).toBe('success');

		const { items } = await readAudit(sys.js, await jetstreamManager(sys.nc), {
			username: `pos:${M}`,
			kind: 'accounts',
			since,
			limit: 50
		});
		const mine = items.filter((e) => 'keyId' in e.payload && e.payload.keyId === keyId);
		expect(mine.map((e) => `${e.type} ${e.actor.id}`).sort()).toEqual([
			'pos_key.issued own-ab',
			'pos_key.revoked own-ab'
		]);
		expect(mine.find((e) => e.type === 'pos_key.issued')?.payload).toEqual({
			keyId,
			label: '审计 POS'
		});
		expect(mine.every((e) => e.actor.address)).toBe(true);
		// Neither the secret nor its hash is in the trail (nor the whole key).
		const trail = JSON.stringify(items);
		expect(trail).not.toContain(secret);
		expect(trail).not.toContain(digestKeySecret(secret));
		// A shop's keys fold into no account.
		expect(sys.accounts.directory.get(`pos:${M}`)).toBeUndefined();
	});
});

describe('POS key guessing', () => {
	// Last in the file: it shuts this address out of the POS API for the rest of the minute.
	it('pos - past 20 failed key checks an address waits (429), even with a right key', async () => {
		const sale = { saleId: 'pos-0099', lines: [{ sku: 'milk', quantity: 1 }], payment: 'cash' };
		const statuses: number[] = [];
		for (let i = 0; i < 25; i++) statuses.push((await pos(sale, `guess-${i}`)).status);
		expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(20);
		expect(statuses.at(-1)).toBe(429);
		const right = await pos(sale);
		expect(right.status).toBe(429);
		expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
	});
});
