import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrate } from '../clickhouse/migrate';
import { openStore } from '../clickhouse/open-store';
import { publicQueries } from '../stream-processor/api/public.queries';
import { recallQueries } from '../stream-processor/api/recall.queries';
import { traceQueries } from '../stream-processor/api/trace.queries';
import { DEFAULT_TIME_ZONE } from '../src/lib/domain/time';

// `npm run bench:trace -- --merchants 100000 --lines 50000000`: the forward trace of one supplier
// lot (the read API's own query) in a store of that size. The data is generated inside chDB with
// INSERT … SELECT FROM numbers(), not through NATS and the processor (the pipeline tops out at
// ~30k events/s here: 50 M lines would take hours). Every merchant holds --lots lots; the traced
// supplier lot reached --traced merchants; sale lines spread evenly over all lots, each lot's over
// the two weeks after its intake, intakes over 90 days. The trace is timed on the store as loaded
// (many parts) and again once merged (OPTIMIZE … FINAL, the steady state background merges reach).
// Ends with one JSON line.

const { values } = parseArgs({
	options: {
		merchants: { type: 'string', default: '100000' },
		lines: { type: 'string', default: '50000000' },
		lots: { type: 'string', default: '8' },
		traced: { type: 'string', default: '2000' },
		runs: { type: 'string', default: '5' },
		chunk: { type: 'string', default: '5000000' },
		recalls: { type: 'string', default: '100' },
		'recall-shops': { type: 'string', default: '20' }
	}
});
const M = Number(values.merchants);
const N = Number(values.lines);
const L = Number(values.lots);
const TRACED = Math.min(Number(values.traced), M);
const RUNS = Number(values.runs);
const CHUNK = Number(values.chunk);
const RECALLS = Number(values.recalls);
const RECALL_SHOPS = Math.min(Number(values['recall-shops']), TRACED);
const log = (m: string) => console.error(`[bench:trace] ${m}`);

const dir = mkdtempSync(join(tmpdir(), 'fs-bench-trace-'));
const store = openStore({ chdbPath: dir });
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
try {
	await migrate(store);
	let t = Date.now();
	await store.exec(
		`INSERT INTO merchants (id, name, districtId, businessType, scale, status, creditCode, address, lon, lat, updatedAt, version)
		 SELECT concat('m', toString(number)), concat('商户', toString(number)),
		        ['370102','370103','370104','370105','370112'][number % 5 + 1], 'restaurant', 'small', 'operating',
		        '', concat('路', toString(number), '号'), 117, 36.6, now64(3), 1
		 FROM numbers({m:UInt64})`,
		{ m: M }
	);
	// Lot k of merchant i is `l-i-k`. Lot 0 of every (M / TRACED)-th merchant is the traced
	// supplier lot; the others come from 5,000 suppliers with 100 batches each.
	const every = Math.max(1, Math.floor(M / TRACED));
	await store.exec(
		`INSERT INTO lots (merchantId, lotId, districtId, supplierId, supplierName, sku, productName, quantity, unit,
		                   productionDate, expiresOn, receivedAt, version, batchNo)
		 SELECT concat('m', toString(mi)), concat('l-', toString(mi), '-', toString(k)),
		        ['370102','370103','370104','370105','370112'][mi % 5 + 1],
		        if(traced, 'sup-trace', concat('sup-', toString(number % 5000))), '供货者',
		        concat('sku-', toString(k)), '商品', 100, '件', '2026-05-01', '2026-09-01',
		        toDateTime64('2026-05-02 00:00:00', 3, 'UTC'), 1,
		        if(traced, 'B-TRACE', concat('B', toString(intDiv(number, 5000) % 100)))
		 FROM (SELECT number, intDiv(number, {l:UInt64}) AS mi, number % {l:UInt64} AS k,
		              (k = 0 AND mi % {every:UInt64} = 0) AS traced
		       FROM numbers({n:UInt64}))`,
		{ l: L, every, n: M * L }
	);
	log(`${M} merchants, ${M * L} lots in ${Date.now() - t} ms`);
	t = Date.now();
	for (let start = 0; start < N; start += CHUNK) {
		const count = Math.min(CHUNK, N - start);
		await store.exec(
			`INSERT INTO sale_lines (lotId, merchantId, districtId, soldAt, eventId, lineNo, orderId, sku, quantity, unitPriceFen, memberId)
			 SELECT concat('l-', toString(mi), '-', toString(k)), concat('m', toString(mi)),
			        ['370102','370103','370104','370105','370112'][mi % 5 + 1],
			        fromUnixTimestamp64Milli(toInt64(1780272000000 + ((mi * {l:UInt64} + k) * 104729) % 7776000000 + (number * 7919) % 1209600000), 'UTC'),
			        toString(number), 0, concat('o', toString(number)), concat('sku-', toString(k)),
			        1 + number % 3, 1000, if(number % 5 = 0, concat('mem-', toString(number % 100000)), '')
			 FROM (SELECT number, number % {m:UInt64} AS mi, intDiv(number, {m:UInt64}) % {l:UInt64} AS k
			       FROM numbers({start:UInt64}, {count:UInt64}))
			 SETTINGS max_partitions_per_insert_block = 1000`,
			{ m: M, l: L, start, count }
		);
		log(
			`${start + count} sale lines (${Math.round((start + count) / ((Date.now() - t) / 1000))} rows/s)`
		);
	}
	const loadMs = Date.now() - t;
	// A waste movement on every tenth lot, so the movements side is not empty.
	await store.exec(
		`INSERT INTO stock_movements (lotId, merchantId, districtId, occurredAt, eventId, movementId, sku, kind, quantity, reason)
		 SELECT concat('l-', toString(intDiv(number, {l:UInt64})), '-', toString(number % {l:UInt64})),
		        concat('m', toString(intDiv(number, {l:UInt64}))), '370102', toDateTime64('2026-06-15 00:00:00', 3, 'UTC'),
		        concat('mv', toString(number)), concat('mv', toString(number)), 'sku', 'waste', 1, 'bench'
		 FROM numbers({n:UInt64}) WHERE number % 10 = 0`,
		{ l: L, n: M * L }
	);
	// --recalls recalls (a year of a city's), each on the traced lot of --recall-shops shops, every
	// shop of it acknowledged: what the recall list reads.
	await store.exec(
		`INSERT INTO recall_notices (recallId, merchantId, districtId, title, reason, level, lots, merchantLotIds,
		                             publicNotice, openedAt, openedBy, eventId, version)
		 SELECT concat('rc-', toString(r)), concat('m', toString(mi)),
		        ['370102','370103','370104','370105','370112'][mi % 5 + 1], concat('召回 ', toString(r)), '抽检不合格', '2',
		        '[{"supplierId":"sup-trace","batchNo":"B-TRACE"}]', [concat('l-', toString(mi), '-0')], '已下架',
		        toDateTime64('2026-06-01 00:00:00', 3, 'UTC') + r * 3600, 'bench', concat('rn', toString(number)), 1
		 FROM (SELECT number, intDiv(number, {s:UInt64}) AS r,
		              ((r * {s:UInt64} + number % {s:UInt64}) % {traced:UInt64}) * {every:UInt64} AS mi
		       FROM numbers({n:UInt64}))`,
		{ s: RECALL_SHOPS, traced: TRACED, every, n: RECALLS * RECALL_SHOPS }
	);
	await store.exec(
		`INSERT INTO recall_steps (recallId, merchantId, districtId, kind, occurredAt, eventId)
		 SELECT recallId, merchantId, districtId, 'acknowledged', openedAt + 600, concat('ra', eventId)
		 FROM recall_notices`
	);
	const [{ rows } = { rows: 0 }] = await store.query<{ rows: number }>(
		'SELECT count() AS rows FROM sale_lines'
	);
	log(`${rows} sale lines stored in ${loadMs} ms`);

	const q = traceQueries(store, DEFAULT_TIME_ZONE);
	const lot = { supplierId: 'sup-trace', batchNo: 'B-TRACE' };
	const parts = async () =>
		Number(
			(
				await store.query<{ n: number }>(
					`SELECT count() AS n FROM system.parts WHERE table = 'sale_lines' AND active`
				)
			)[0]?.n ?? 0
		);
	const timeTrace = async () => {
		const trace: number[] = [];
		const sales: number[] = [];
		let merchants = 0;
		let sold = 0;
		for (let i = 0; i < RUNS; i++) {
			let s = performance.now();
			const r = await q.forwardTrace(lot, { all: true }, 1_000);
			trace.push(performance.now() - s);
			merchants = r.merchants;
			sold = r.totals.sold;
			s = performance.now();
			await q.forwardSales(lot, { all: true }, undefined);
			sales.push(performance.now() - s);
		}
		return { merchants, sold, trace, sales, parts: await parts() };
	};
	/**
	 * The other reads of the same tables an officer or a diner waits on: the supplier pick list
	 * (every supplier; a name every supplier's lots match), the traced supplier's batches, the
	 * recall list and one recall's progress, a backward trace of one shop over a
	 * 4-day window, the public map of the city and of one district.
	 */
	const timeOtherReads = async () => {
		const pub = publicQueries(store, DEFAULT_TIME_ZONE);
		const recalls = recallQueries(store);
		// A shop that received the traced lot, over the days after that intake: its lots, their
		// suppliers and the 2,000 other shops of the traced lot (a widely delivered one).
		const shop = `m${every * 42}`;
		const [{ day } = { day: '' }] = await store.query<{ day: string }>(
			`SELECT toString(toDate(min(receivedAt)) + 3) AS day FROM lots WHERE merchantId = {shop:String}`,
			{ shop }
		);
		const to = day;
		const from = new Date(Date.parse(day) - 3 * 86_400_000).toISOString().slice(0, 10);
		const reads: Record<string, () => Promise<unknown>> = {
			supplierList: () => q.supplierChoices(undefined, { all: true }, 50),
			supplierByName: () => q.supplierChoices('供货', { all: true }, 50),
			supplierBatches: () => q.supplierBatches('sup-trace', { all: true }, 100),
			backwardTrace: () => q.backwardTrace(shop, { from, to }, { all: true }),
			mapCity: () => pub.publicMap({ limit: 300 }),
			mapDistrict: () => pub.publicMap({ district: '370102', limit: 300 }),
			recallList: () => recalls.recalls({ all: true }),
			recallProgress: () => recalls.recallProgress('rc-0', { all: true })
		};
		const out: Record<string, number> = {};
		for (const [name, read] of Object.entries(reads)) {
			const runs: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				const s = performance.now();
				await read();
				runs.push(performance.now() - s);
			}
			out[name] = Math.round(p50(runs));
		}
		return out;
	};
	const fresh = await timeTrace();
	log(`as loaded (${fresh.parts} parts): ${fresh.trace.map((x) => x.toFixed(0)).join(', ')} ms`);
	t = Date.now();
	await store.exec('OPTIMIZE TABLE sale_lines FINAL');
	const optimizeMs = Date.now() - t;
	const merged = await timeTrace();
	log(`merged (${merged.parts} parts): ${merged.trace.map((x) => x.toFixed(0)).join(', ')} ms`);
	const others = await timeOtherReads();
	log(`other reads (ms, p50): ${JSON.stringify(others)}`);
	const summary = (r: typeof fresh) => ({
		parts: r.parts,
		forwardTraceMs: { p50: Math.round(p50(r.trace)), runs: r.trace.map(Math.round) },
		salesPageMs: { p50: Math.round(p50(r.sales)), runs: r.sales.map(Math.round) }
	});
	console.log(
		JSON.stringify({
			merchants: M,
			lots: M * L,
			saleLines: Number(rows),
			loadMs,
			tracedMerchants: merged.merchants,
			tracedUnitsSold: merged.sold,
			asLoaded: summary(fresh),
			optimizeMs,
			merged: summary(merged),
			otherReadsMs: others
		})
	);
} finally {
	await store.close();
	rmSync(dir, { recursive: true, force: true });
}
