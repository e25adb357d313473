import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import {
	forwardTrace,
	merchantRecalls,
	recallProgress,
	recallSummary
} from '../../src/lib/domain/trace/contracts';
import { recallPercent } from '../../src/lib/domain/trace/recall-progress';
import { stockList } from '../../src/lib/domain/trace/stock-list';
import { publishEvent, publishMany } from '../../src/lib/server/backbone/publisher';
import { ReadApiError } from '../../src/lib/server/read-api';
import {
	accountRecallLot,
	acknowledgeRecall,
	closeRecall,
	openRecall,
	type RecallPorts
} from '../../src/lib/server/recalls/recall-commands';
import type { Viewer } from '../../src/lib/server/tasks/task-commands';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';
import { BATCH, SUPPLIER, traceChain } from '../helpers/trace-chain';
import { z as zod } from 'zod';
import { publicShop } from '../../src/lib/domain/public/public-shop';

// 召回 end to end on the seeded chain: opened → 0 % → every shop accounts → 100 %.

let p: Pipeline;
const city: Viewer = {
	user: { username: 'city', role: 'supervisor' },
	claims: { sub: 'city', role: 'supervisor', districts: ['370102', '370103'], merchants: [] }
};
const ownerOf = (merchantId: string): Viewer => ({
	user: { username: `own-${merchantId}`, role: 'merchant_owner' },
	claims: {
		sub: `own-${merchantId}`,
		role: 'merchant_owner',
		districts: [],
		merchants: [merchantId]
	}
});
const ports: RecallPorts = {
	read: async <S extends z.ZodType>(claims: TicketClaims, path: string, schema: S) => {
		const r = await p.api(path, claims);
		if (r.status !== 200) throw new ReadApiError(`${path}: ${r.status}`, r.status);
		return schema.parse(r.body) as z.infer<S>;
	},
	publish: (e) => publishEvent(p.js, e)
};
const lot = { supplierId: SUPPLIER, batchNo: BATCH };
const form = {
	formId: 'form-recall-1',
	title: '鲜牛奶 B-0417 召回',
	level: '1' as const,
	reason: '抽检检出致病菌',
	publicNotice: '本店已下架鲜牛奶 B-0417 批次'
};
const progressOf = (recallId: string) =>
	ports.read(city.claims, `/api/recalls/${recallId}`, recallProgress);

beforeAll(async () => {
	p = await startPipeline();
	await publishMany(p.js, traceChain());
	await eventually(async () => {
		const r = await p.api(
			`/api/trace/forward?supplierId=${SUPPLIER}&batchNo=${BATCH}`,
			city.claims
		);
		const t = r.status === 200 ? forwardTrace.parse(r.body) : null;
		return t?.totals.adjusted === -2 && t.totals.returned === 5 ? t : undefined;
	}, 30_000);
}, 60_000);
afterAll(async () => {
	await p?.stop();
});

describe('recall', () => {
	let recallId = '';

	it('recall - opening files one notice per shop; a second submit is the same recall; progress 0 %', async () => {
		const first = await openRecall(city, lot, form, ports);
		const again = await openRecall(city, lot, form, ports);
		expect(again).toEqual(first);
		expect(first.merchants).toBe(3);
		recallId = first.recallId;
		const p0 = await eventually(async () => {
			const r = await progressOf(recallId).catch(() => undefined);
			return r?.merchants === 3 ? r : undefined;
		});
		expect(p0.items.map((i) => [i.merchantId, i.lots, i.done, i.acknowledgedAt])).toEqual([
			['m-ta', [{ lotId: 'lot-a1', atOpening: 28.5, pulled: 0, disposition: null }], false, null],
			['m-tb', [{ lotId: 'lot-b1', atOpening: 10, pulled: 0, disposition: null }], false, null],
			['m-tc', [{ lotId: 'lot-c1', atOpening: 16, pulled: 0, disposition: null }], false, null]
		]);
		expect([p0.unitsAffected, p0.unitsAccounted, p0.merchantsDone, recallPercent(p0)]).toEqual([
			54.5, 0, 0, 0
		]);
		expect(p0.lots).toEqual([lot]);
		// The shop sees its notice, and its stock says the lot is under the recall (the till refuses it).
		const own = ownerOf('m-ta');
		const notices = await ports.read(own.claims, '/api/merchants/m-ta/recalls', merchantRecalls);
		expect(notices.items.map((n) => [n.recallId, n.lotIds, n.publicNotice])).toEqual([
			[recallId, ['lot-a1'], form.publicNotice]
		]);
		const stock = await ports.read(own.claims, '/api/merchants/m-ta/stock', stockList);
		expect(stock.items.map((l) => [l.lotId, l.recallIds])).toEqual([
			['lot-a1', [recallId]],
			['lot-a2', []]
		]);
		// A district's supervisor sees the recall as far as their district goes.
		const local = zod
			.object({ items: zod.array(recallSummary) })
			.parse((await p.api('/api/recalls', { ...city.claims, districts: ['370103'] })).body);
		expect(local.items.map((r) => [r.recallId, r.merchants, r.unitsAffected])).toEqual([
			[recallId, 1, 16]
		]);
	});

	it('recall - every shop accounts for its lots: 100 %, and the pulled units leave the stock', async () => {
		const shops = {
			'm-ta': { districtId: '370102', lotId: 'lot-a1', pulled: 28.5, disposition: 'destroyed' },
			'm-tb': { districtId: '370102', lotId: 'lot-b1', pulled: 10, disposition: 'returned' },
			'm-tc': { districtId: '370103', lotId: 'lot-c1', pulled: 15, disposition: 'sealed' }
		} as const;
		for (const [id, s] of Object.entries(shops)) {
			const v = ownerOf(id);
			const shop = { id, districtId: s.districtId };
			await acknowledgeRecall(v, shop, recallId, ports);
			const f = {
				formId: `f-${id}`,
				recallId,
				lotId: s.lotId,
				pulled: s.pulled,
				disposition: s.disposition
			};
			await accountRecallLot(v, shop, f, ports);
			await accountRecallLot(v, shop, f, ports); // a double submit counts once
			// Once the pull is stored, the same form again is still the same report, not too much.
			await eventually(async () => {
				const st = await ports.read(v.claims, `/api/merchants/${id}/stock`, stockList);
				return st.items.find((l) => l.lotId === s.lotId)?.pulled === s.pulled ? true : undefined;
			});
			await accountRecallLot(v, shop, f, ports);
		}
		// 16 at the opening, 15 pulled: 1 unit is still out, the shop is not done.
		const partly = await eventually(async () => {
			const r = await progressOf(recallId);
			return r.merchantsDone === 2 && r.unitsAccounted === 53.5 ? r : undefined;
		});
		expect([partly.unitsAffected, recallPercent(partly)]).toEqual([54.5, 98]);
		expect(partly.items.map((i) => i.done)).toEqual([true, true, false]);
		// A report pulling more than the lot still holds (1) is refused, with what it holds.
		const tc = { id: 'm-tc', districtId: '370103' };
		const over = accountRecallLot(
			ownerOf('m-tc'),
			tc,
			{ formId: 'f-tc-2', recallId, lotId: 'lot-c1', pulled: 5, disposition: 'sealed' },
			ports
		);
		await expect(over).rejects.toMatchObject({ problem: 'too_much', remaining: 1 });
		// The last unit in a second report: the pulls add up to what the lot held.
		await accountRecallLot(
			ownerOf('m-tc'),
			tc,
			{ formId: 'f-tc-3', recallId, lotId: 'lot-c1', pulled: 1, disposition: 'destroyed' },
			ports
		);
		const done = await eventually(async () => {
			const r = await progressOf(recallId);
			return r.merchantsDone === 3 ? r : undefined;
		});
		expect([done.unitsAffected, done.unitsAccounted, recallPercent(done)]).toEqual([
			54.5, 54.5, 100
		]);
		expect(
			done.items.map((i) => [i.merchantId, i.done, i.acknowledgedAt !== null, i.lots[0]])
		).toEqual([
			[
				'm-ta',
				true,
				true,
				{ lotId: 'lot-a1', atOpening: 28.5, pulled: 28.5, disposition: 'destroyed' }
			],
			['m-tb', true, true, { lotId: 'lot-b1', atOpening: 10, pulled: 10, disposition: 'returned' }],
			['m-tc', true, true, { lotId: 'lot-c1', atOpening: 16, pulled: 16, disposition: 'destroyed' }]
		]);
		const t = await eventually(async () => {
			const r = await ports.read(
				city.claims,
				`/api/trace/forward?supplierId=${SUPPLIER}&batchNo=${BATCH}`,
				forwardTrace
			);
			return r.totals.pulled === 54.5 ? r : undefined;
		});
		expect(t.items.map((i) => [i.lotId, i.pulled, i.remaining])).toEqual([
			['lot-a1', 28.5, 0],
			['lot-b1', 10, 0],
			['lot-c1', 16, 0]
		]);
	});

	it('recall - a shop cannot account for a lot that is not in its recall', async () => {
		const v = ownerOf('m-ta');
		await expect(
			accountRecallLot(
				v,
				{ id: 'm-ta', districtId: '370102' },
				{ formId: 'f-x', recallId, lotId: 'lot-a2', pulled: 1, disposition: 'destroyed' },
				ports
			)
		).rejects.toThrow(/not in the recall/);
	});

	it('recall - the supervisor ends it: notices gone, the lots sell again, the public page drops it', async () => {
		const publicOf = async () => {
			const r = await p.api('/public/merchants/m-ta');
			return publicShop.parse(r.body);
		};
		expect((await publicOf()).recalls.map((r) => r.recallId)).toEqual([recallId]);
		const note = '全部批次已下架销毁，召回结束';
		expect(await closeRecall(city, recallId, note, ports)).toEqual({ closed: 3 });
		const closed = await eventually(async () => {
			const r = await progressOf(recallId);
			return r.closedAt !== null ? r : undefined;
		});
		expect(closed.items.every((i) => i.closedAt !== null)).toBe(true);
		for (const id of ['m-ta', 'm-tb', 'm-tc']) {
			const own = ownerOf(id).claims;
			const n = await ports.read(own, `/api/merchants/${id}/recalls`, merchantRecalls);
			expect(n.items).toEqual([]);
			const st = await ports.read(own, `/api/merchants/${id}/stock`, stockList);
			expect(st.items.every((l) => l.recallIds.length === 0)).toBe(true);
		}
		expect((await publicOf()).recalls).toEqual([]);
		// A second submit files nothing new (every shop is closed already).
		expect(await closeRecall(city, recallId, note, ports)).toEqual({ closed: 0 });
	});

	it('recall - the list reads each recall at its own opening: the same lot recalled again holds nothing', async () => {
		const second = await openRecall(
			city,
			lot,
			{ ...form, formId: 'form-recall-2', title: '鲜牛奶 B-0417 再次召回' },
			ports
		);
		expect(second.recallId).not.toBe(recallId);
		const list = zod.object({ items: zod.array(recallSummary) });
		const both = await eventually(async () => {
			const r = list.parse((await p.api('/api/recalls', city.claims)).body);
			return r.items.length === 2 && r.items.every((i) => i.merchants === 3) ? r : undefined;
		});
		// The open one first; the first still counts what its lots held at its opening, not twice.
		expect(
			both.items.map((r) => [r.recallId, r.unitsAffected, r.unitsAccounted, r.merchantsDone])
		).toEqual([
			[second.recallId, 0, 0, 0],
			[recallId, 54.5, 54.5, 3]
		]);
		const again = await progressOf(second.recallId);
		expect(again.items.map((i) => i.lots[0]?.atOpening)).toEqual([0, 0, 0]);

		// A newer recall ended at once: the older one still open stays on top of the list.
		const third = await openRecall(city, lot, { ...form, formId: 'form-recall-3' }, ports);
		await eventually(async () =>
			(await progressOf(third.recallId)).merchants === 3 ? 1 : undefined
		);
		await closeRecall(city, third.recallId, '误报', ports);
		await eventually(async () => ((await progressOf(third.recallId)).closedAt ? 1 : undefined));
		// Read after the ends are stored (the list's order and its rows are separate reads).
		const ordered = list.parse((await p.api('/api/recalls', city.claims)).body);
		expect(ordered.items.map((r) => [r.recallId, r.closedAt === null])).toEqual([
			[second.recallId, true],
			[third.recallId, false],
			[recallId, false]
		]);
	});
});
