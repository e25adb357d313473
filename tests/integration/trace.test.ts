import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import {
	backwardTrace,
	forwardTrace,
	lotAccount,
	supplierBatches,
	supplierChoices,
	tracedSales
} from '../../src/lib/domain/trace/contracts';
import { parseBackwardQuery } from '../../src/lib/domain/trace/backward-query';
import { backwardTraceView, findShop, shopOf } from '../../src/lib/server/recalls/backward-trace';
import {
	lotIdOf,
	recentSuppliers,
	skuOf,
	supplierIdOf,
	supplierOf
} from '../../src/lib/domain/ledgers/purchase';
import { makeEvent, publishMany } from '../../src/lib/server/backbone/publisher';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';
import { BATCH, expected, SUPPLIER, traceChain } from '../helpers/trace-chain';
import { z } from 'zod';
import ExcelJS from 'exceljs';
import { ReadApiError } from '../../src/lib/server/read-api';
import { traceExport } from '../../src/lib/server/recalls/trace-export';

// 双向追溯 on a seeded chain: one supplier lot, three shops in two districts, exact figures.

let p: Pipeline;
const supervisor = (...districts: string[]): TicketClaims => ({
	sub: `sup-${districts.join('-')}`,
	role: 'supervisor',
	districts,
	merchants: []
});
const both = supervisor('370102', '370103');
const lot = `supplierId=${SUPPLIER}&batchNo=${BATCH}`;
const pick = (a: z.infer<typeof lotAccount>) => ({
	received: a.received,
	sold: a.sold,
	wasted: a.wasted,
	returned: a.returned,
	pulled: a.pulled,
	adjusted: a.adjusted,
	remaining: a.remaining
});

/** The read API as the web server reads it (a non-200 is a ReadApiError with its status). */
const read = async <S extends z.ZodType>(claims: TicketClaims, path: string, schema: S) => {
	const r = await p.api(path, claims);
	if (r.status !== 200) throw new ReadApiError(`${path}: ${r.status}`, r.status);
	return schema.parse(r.body) as z.infer<S>;
};

beforeAll(async () => {
	p = await startPipeline();
	await publishMany(p.js, traceChain());
	// The last event of the chain is stored: everything before it is too (one ordered consumer).
	await eventually(
		async () => {
			const r = await p.api(`/api/trace/forward?${lot}`, both);
			const t = r.status === 200 ? forwardTrace.parse(r.body) : null;
			return t && t.totals.adjusted === expected.totals.adjusted && t.totals.returned === 5
				? t
				: undefined;
		},
		30_000,
		'the chain in the store'
	);
}, 60_000);
afterAll(async () => {
	await p?.stop();
});

describe('trace', () => {
	it('trace - forward from a supplier lot: every shop, and exactly what it received, sold, lost and holds', async () => {
		const t = forwardTrace.parse((await p.api(`/api/trace/forward?${lot}`, both)).body);
		expect(t.merchants).toBe(3);
		expect(t.truncated).toBe(false);
		expect(t.items.map((i) => [i.districtId, i.merchantId, i.merchantName, i.lotId])).toEqual([
			['370102', 'm-ta', '历下甲店', 'lot-a1'],
			['370102', 'm-tb', '历下乙店', 'lot-b1'],
			['370103', 'm-tc', '市中丙店', 'lot-c1']
		]);
		for (const i of t.items) {
			expect(pick(i)).toEqual(expected[i.lotId as 'lot-a1' | 'lot-b1' | 'lot-c1']);
		}
		expect(t.totals).toEqual(expected.totals);
		const a1 = t.items[0]!;
		expect([a1.firstSoldAt, a1.lastSoldAt, a1.batchNo, a1.supplierName]).toEqual([
			'2026-03-03T02:00:00.000Z',
			'2026-03-05T02:00:00.000Z',
			BATCH,
			'济南鲜达食品有限公司'
		]);
	});

	it('trace - the same supplier lot by product and production date; a district supervisor sees their shops only', async () => {
		const byDate = forwardTrace.parse(
			(
				await p.api(
					`/api/trace/forward?supplierId=${SUPPLIER}&sku=sku-milk&productionDate=2026-03-01`,
					both
				)
			).body
		);
		// Without a batch the product and date stand for it: the other batch (lot-a2) is in too.
		expect(byDate.items.map((i) => i.lotId)).toEqual(['lot-a1', 'lot-a2', 'lot-b1', 'lot-c1']);
		const local = forwardTrace.parse(
			(await p.api(`/api/trace/forward?${lot}`, supervisor('370103'))).body
		);
		expect(local.items.map((i) => i.lotId)).toEqual(['lot-c1']);
		expect(local.totals).toEqual(expected['lot-c1']);
		expect((await p.api(`/api/trace/forward?supplierId=${SUPPLIER}`, both)).status).toBe(400);
		const owner: TicketClaims = {
			sub: 'o',
			role: 'merchant_owner',
			districts: [],
			merchants: ['m-ta']
		};
		expect((await p.api(`/api/trace/forward?${lot}`, owner)).status).toBe(403);
	});

	it('trace - the sale lines of the lot, with the members who bought, in pages', async () => {
		const r = await p.api(`/api/trace/forward/sales?${lot}`, both);
		const s = tracedSales.parse(r.body);
		expect(s.next).toBeNull();
		expect(s.items.map((i) => [i.lotId, i.orderId, i.quantity, i.memberId])).toEqual([
			['lot-a1', 'oa1', 2, 'mem-1'],
			['lot-a1', 'oa2', 5, null],
			['lot-a1', 'oa3', 1.5, 'mem-2'],
			['lot-b1', 'ob1', 10, 'mem-3'],
			['lot-b1', 'ob2', 2, null],
			['lot-c1', 'oc1', 4, null],
			['lot-c1', 'oc2', 6, 'mem-1']
		]);
		expect(s.items.reduce((n, i) => n + i.quantity, 0)).toBe(expected.totals.sold);
	});

	it('trace - backward from a shop and a day: its lots, their supplier, and the other shops it served', async () => {
		const path = '/api/trace/backward?merchantId=m-tb&from=2026-03-05&to=2026-03-05';
		const t = backwardTrace.parse((await p.api(path, both)).body);
		expect(t.lots.map((l) => [l.lotId, l.soldInWindow, l.remaining])).toEqual([['lot-b1', 2, 10]]);
		expect(t.suppliers).toEqual([
			{
				supplierId: SUPPLIER,
				supplierName: '济南鲜达食品有限公司',
				otherMerchants: [
					{
						merchantId: 'm-ta',
						merchantName: '历下甲店',
						districtId: '370102',
						lots: 1,
						received: 40
					},
					{
						merchantId: 'm-tc',
						merchantName: '市中丙店',
						districtId: '370103',
						lots: 1,
						received: 30
					}
				]
			}
		]);
		// A wider window reaches the other supplier's lot too.
		const wide = backwardTrace.parse(
			(await p.api('/api/trace/backward?merchantId=m-tb&from=2026-03-01&to=2026-03-06', both)).body
		);
		expect(wide.lots.map((l) => [l.lotId, l.soldInWindow])).toEqual([
			['lot-by', 3],
			['lot-b1', 12]
		]);
		expect(wide.suppliers.map((s) => [s.supplierId, s.otherMerchants.length])).toEqual([
			['sup-other', 0],
			[SUPPLIER, 2]
		]);
		// A district's supervisor learns of the other shops in their district only.
		const local = backwardTrace.parse((await p.api(path, supervisor('370102'))).body);
		expect(local.suppliers[0]?.otherMerchants.map((m) => m.merchantId)).toEqual(['m-ta']);
		expect((await p.api(path, supervisor('370103'))).status).toBe(404);
	});

	it('trace - a shop reads its own stock by lot; another shop’s is a 404', async () => {
		const own: TicketClaims = {
			sub: 'o',
			role: 'merchant_owner',
			districts: [],
			merchants: ['m-tb']
		};
		const r = await p.api('/api/merchants/m-tb/stock', own);
		const items = z.object({ items: z.array(lotAccount) }).parse(r.body).items;
		expect(items.map((i) => [i.lotId, i.remaining, i.adjusted])).toEqual([
			['lot-by', 5, 0],
			['lot-b1', 10, -3]
		]);
		expect((await p.api('/api/merchants/m-ta/stock', own)).status).toBe(404);
	});

	it('trace - the export: an .xlsx that reads back with every lot, and the same rows as CSV', async () => {
		const key = { supplierId: SUPPLIER, batchNo: BATCH };
		const xlsx = await traceExport({ claims: both }, key, 'xlsx', read);
		expect(xlsx.filename).toBe('trace-sup-xd_B-0417_.xlsx');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
		const ws = wb.worksheets[0]!;
		const rows: unknown[][] = [];
		ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
		expect(rows[0]?.slice(0, 3)).toEqual([
			'追溯批次码 (Traceability Lot Code)',
			'商品 (Product)',
			'进货数量 (Quantity received)'
		]);
		expect(
			rows
				.slice(1)
				.map((r) => [r[0], r[2], r[3], r[4], r[5], r[8], r[9], r[10], r[11], r[12], r[13]])
		).toEqual([
			[
				'lot-a1',
				40,
				'盒',
				'2026-03-02',
				8.5,
				28.5,
				'历下甲店',
				'泉城路1号',
				'历下区',
				'济南鲜达食品有限公司 (sup-xd)',
				BATCH
			],
			[
				'lot-b1',
				25,
				'盒',
				'2026-03-02',
				12,
				10,
				'历下乙店',
				'泉城路1号',
				'历下区',
				'济南鲜达食品有限公司 (sup-xd)',
				BATCH
			],
			[
				'lot-c1',
				30,
				'盒',
				'2026-03-02',
				10,
				16,
				'市中丙店',
				'泉城路1号',
				'市中区',
				'济南鲜达食品有限公司 (sup-xd)',
				BATCH
			]
		]);
		const csv = await traceExport({ claims: supervisor('370103') }, key, 'csv', read);
		const lines = String(csv.body)
			.replace(/^\uFEFF/, '')
			.trimEnd()
			.split('\r\n');
		expect(lines).toHaveLength(2);
		expect(lines[1]?.split(',').slice(0, 6)).toEqual([
			'lot-c1',
			'鲜牛奶 1L (sku-milk)',
			'30',
			'盒',
			'2026-03-02',
			'10'
		]);
	});

	it('trace - the backward trace page: a shop typed by name, the default window, each lot with its forward trace', async () => {
		// The case: someone fell ill after eating at 历下乙店 on 5 March. The officer types the name.
		const typed = await findShop(both, '乙店', read);
		expect(typed).toMatchObject({ kind: 'shop', shop: { id: 'm-tb', name: '历下乙店' } });
		expect(await findShop(both, 'm-tc', read)).toMatchObject({
			kind: 'shop',
			shop: { id: 'm-tc' }
		});
		const several = await findShop(both, '历下', read);
		expect(several.kind === 'choose' && several.items.map((s) => s.id).sort()).toEqual([
			'm-ta',
			'm-tb'
		]);
		expect(await findShop(both, '天桥', read)).toEqual({ kind: 'none' });

		// One date: that day and the 3 before (2 to 5 March). lot-by came on 1 March but sold 3 on
		// the 2nd; lot-b1 came on the 2nd and sold 10 + 2 in the window.
		const parsed = parseBackwardQuery(
			new URLSearchParams('merchantId=m-tb&to=2026-03-05'),
			'2026-03-10'
		);
		if (!parsed.ok) throw new Error(parsed.problem);
		expect(parsed.query.window).toMatchObject({
			from: '2026-03-02',
			to: '2026-03-05',
			defaulted: true
		});
		const v = await backwardTraceView(both, 'm-tb', parsed.query.window, read);
		expect(
			v.lots.map((l) => [
				l.lotId,
				l.supplierName,
				l.batchNo,
				l.soldInWindow,
				l.remaining,
				l.forwardSearch
			])
		).toEqual([
			['lot-by', '另一家供应商', 'Y-1', 3, 5, 'supplierId=sup-other&batchNo=Y-1'],
			['lot-b1', '济南鲜达食品有限公司', BATCH, 12, 10, `supplierId=${SUPPLIER}&batchNo=${BATCH}`]
		]);
		expect(
			v.suppliers.map((s) => [
				s.supplierId,
				s.otherMerchants.map((m) => [m.merchantName, m.lots, m.received])
			])
		).toEqual([
			['sup-other', []],
			[
				SUPPLIER,
				[
					['历下甲店', 1, 40],
					['市中丙店', 1, 30]
				]
			]
		]);
		expect(v.otherShops).toBe(2);
		// The forward trace the lot links to reaches the same shops.
		const fwd = forwardTrace.parse(
			(await p.api(`/api/trace/forward?${v.lots[1]!.forwardSearch}`, both)).body
		);
		expect(fwd.items.map((i) => i.merchantId)).toEqual(['m-ta', 'm-tb', 'm-tc']);
	});

	it('trace - the backward trace refuses a shop outside the viewer’s districts', async () => {
		const shiZhong = supervisor('370103');
		expect(await shopOf(shiZhong, 'm-tb', read)).toBeNull();
		// Typed by id or by name, it is not found either.
		expect(await findShop(shiZhong, 'm-tb', read)).toEqual({ kind: 'none' });
		expect(await findShop(shiZhong, '历下乙店', read)).toEqual({ kind: 'none' });
		const refused = await backwardTraceView(
			shiZhong,
			'm-tb',
			{ from: '2026-03-02', to: '2026-03-05' },
			read
		).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ReadApiError);
		expect((refused as ReadApiError).status).toBe(404);
	});

	it('trace - suppliers by name for the forward trace form, counted by shops in the scope', async () => {
		const r0 = await p.api('/api/trace/suppliers', both);
		const all = supplierChoices.parse(r0.body);
		expect(all.items).toEqual([
			{ supplierId: SUPPLIER, supplierName: '济南鲜达食品有限公司', merchants: 3 },
			{ supplierId: 'sup-other', supplierName: '另一家供应商', merchants: 1 }
		]);
		const byName = supplierChoices.parse(
			(await p.api(`/api/trace/suppliers?q=${encodeURIComponent('鲜达')}`, both)).body
		);
		expect(byName.items.map((s) => s.supplierId)).toEqual([SUPPLIER]);
		const byId = supplierChoices.parse(
			(await p.api('/api/trace/suppliers?q=sup-other', both)).body
		);
		expect(byId.items.map((s) => s.supplierId)).toEqual(['sup-other']);
		const local = supplierChoices.parse(
			(await p.api('/api/trace/suppliers', supervisor('370103'))).body
		);
		expect(local.items).toEqual([
			{ supplierId: SUPPLIER, supplierName: '济南鲜达食品有限公司', merchants: 1 }
		]);
		const owner: TicketClaims = {
			sub: 'o',
			role: 'merchant_owner',
			districts: [],
			merchants: ['m-ta']
		};
		expect((await p.api('/api/trace/suppliers', owner)).status).toBe(403);
	});

	it('trace - a supplier’s batches, the latest delivered first, counted in the scope', async () => {
		const batches = (claims: TicketClaims, q = '') =>
			p.api(`/api/trace/supplier-batches?supplierId=${SUPPLIER}${q}`, claims);
		const all = supplierBatches.parse((await batches(both)).body);
		expect(all).toEqual({
			supplierId: SUPPLIER,
			supplierName: '济南鲜达食品有限公司',
			items: [
				{
					lot: { supplierId: SUPPLIER, batchNo: BATCH },
					productNames: ['鲜牛奶 1L'],
					productionDate: '2026-03-01',
					merchants: 3,
					received: 95,
					unit: '盒',
					lastReceivedAt: '2026-03-02T03:00:00.000Z'
				},
				{
					lot: { supplierId: SUPPLIER, batchNo: 'B-0501' },
					productNames: ['鲜牛奶 1L'],
					productionDate: '2026-03-01',
					merchants: 1,
					received: 10,
					unit: '盒',
					lastReceivedAt: '2026-03-02T01:00:00.000Z'
				}
			],
			truncated: false
		});
		// 市中: m-tc's lot only.
		const local = supplierBatches.parse((await batches(supervisor('370103'))).body);
		expect(local.items.map((b) => [b.lot.batchNo, b.merchants, b.received])).toEqual([
			[BATCH, 1, 30]
		]);
		const one = supplierBatches.parse((await batches(both, '&limit=1')).body);
		expect([one.items.length, one.truncated]).toEqual([1, true]);
		const none = supplierBatches.parse(
			(await p.api('/api/trace/supplier-batches?supplierId=sup-nobody', both)).body
		);
		expect(none).toEqual({
			supplierId: 'sup-nobody',
			supplierName: '',
			items: [],
			truncated: false
		});
		expect((await p.api('/api/trace/supplier-batches', both)).status).toBe(400);
		const owner: TicketClaims = {
			sub: 'o',
			role: 'merchant_owner',
			districts: [],
			merchants: ['m-ta']
		};
		expect((await batches(owner)).status).toBe(403);
	});

	it('trace - purchases two shops enter through the form reach one supplier lot: the trace finds both', async () => {
		// What the purchase form does (src/routes/m/[merchantId]/purchase): each shop types the
		// supplier its own way, ids come from supplierOf/skuOf/lotIdOf — nothing set by hand.
		const typed = [
			{ merchantId: 'm-ta', districtId: '370102', supplier: '济南 润泽 粮油有限公司', qty: 12 },
			{ merchantId: 'm-tc', districtId: '370103', supplier: '济南润泽粮油有限公司', qty: 8 }
		];
		const events = typed.map((t) => {
			const supplier = supplierOf(t.merchantId, t.supplier, recentSuppliers([]));
			const sku = skuOf(t.merchantId === 'm-ta' ? '花生油 5L' : '花生油5L');
			return makeEvent({
				type: 'ledger.purchase.recorded',
				merchantId: t.merchantId,
				districtId: t.districtId,
				actor: { kind: 'merchant', id: `own-${t.merchantId}` },
				occurredAt: '2026-06-01T02:00:00.000Z',
				payload: {
					lotId: lotIdOf({
						merchantId: t.merchantId,
						supplierId: supplier.supplierId,
						sku,
						batchNo: 'RZ-0601',
						productionDate: '2026-05-20',
						receivedOn: '2026-06-01'
					}),
					...supplier,
					sku,
					productName: '花生油 5L',
					quantity: t.qty,
					unit: '桶',
					productionDate: '2026-05-20',
					expiresOn: '2027-05-19',
					batchNo: 'RZ-0601'
				}
			});
		});
		await publishMany(p.js, events);
		const supplierId = supplierIdOf('济南润泽粮油有限公司');
		const byBatch = `/api/trace/forward?supplierId=${supplierId}&batchNo=RZ-0601`;
		const t = await eventually(
			async () => {
				const r = await p.api(byBatch, both);
				const t = r.status === 200 ? forwardTrace.parse(r.body) : null;
				return t && t.merchants === 2 ? t : undefined;
			},
			20_000,
			'both shops traced'
		);
		expect(t.items.map((i) => [i.merchantId, i.received])).toEqual([
			['m-ta', 12],
			['m-tc', 8]
		]);
		// By product and production date (no batch number) it reaches both shops too.
		const q = `supplierId=${supplierId}&sku=${skuOf('花生油 5L')}&productionDate=2026-05-20`;
		const bySku = forwardTrace.parse((await p.api(`/api/trace/forward?${q}`, both)).body);
		expect(bySku.items.map((i) => i.merchantId)).toEqual(['m-ta', 'm-tc']);
	});
});
