import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrate } from '../clickhouse/migrate';
import type { ReadScope } from '../src/lib/domain/auth/policy';
import { openStore } from '../clickhouse/open-store';
import { generateDistrict } from '../seeds/generator';
import { KINDS, owes } from '../clickhouse/ledger-sql';
import { ledgerQueries } from '../stream-processor/api/ledger.queries';
import { registryQueries } from '../stream-processor/api/registry.queries';
import { daysEnding } from '../src/lib/domain/ledgers/completeness';
import { DEFAULT_TIME_ZONE, localDay } from '../src/lib/domain/time';

// `npm run bench:ledgers -- --merchants 100000 --days 30`: the registry and ledger reads the
// regulators' pages make, on chDB with the generator's city at that scale. Merchants, licences
// and staff come from the generator; the ledger entries (several million) are made inside
// ClickHouse from the merchants, each with its own diligence, so loading takes seconds. The
// queries are the read API's own. Ends with one JSON line.

const { values } = parseArgs({
	options: {
		merchants: { type: 'string', default: '100000' },
		days: { type: 'string', default: '30' },
		runs: { type: 'string', default: '7' }
	}
});
const MERCHANTS = Number(values.merchants);
const DAYS = Number(values.days);
const RUNS = Number(values.runs);
const log = (m: string) => console.error(`[bench:ledgers] ${m}`);

const dir = mkdtempSync(join(tmpdir(), 'fs-bench-ledgers-'));
const store = openStore({ chdbPath: dir });
try {
	await migrate(store);
	const today = localDay(Date.now(), DEFAULT_TIME_ZONE);
	let t = Date.now();
	const city = generateDistrict({ seed: 7, merchants: MERCHANTS, today });
	log(`generated ${MERCHANTS} merchants in ${Date.now() - t} ms`);

	t = Date.now();
	const at = new Date().toISOString();
	let staffRows = 0;
	for (let i = 0; i < city.merchants.length; i += 10_000) {
		const part = city.merchants.slice(i, i + 10_000);
		await store.insert(
			'merchants',
			part.map((m, j) => ({
				id: m.id,
				name: m.name,
				districtId: m.districtId,
				businessType: m.businessType,
				scale: m.scale,
				status: 'operating',
				creditCode: m.creditCode,
				address: m.address,
				lon: m.location.lon,
				lat: m.location.lat,
				contactName: m.contact.name,
				contactPhone: m.contact.phone,
				updatedAt: at,
				version: i + j + 1
			}))
		);
		await store.insert(
			'licences',
			part.map((m) => ({
				merchantId: m.id,
				districtId: m.districtId,
				...m.licence,
				revoked: 0,
				updatedAt: at,
				version: 1
			}))
		);
		const staff = part.flatMap((m) =>
			m.staff.map((s) => ({
				merchantId: m.id,
				districtId: m.districtId,
				staffId: s.id,
				name: s.name,
				position: s.role,
				certNumber: s.healthCertificate.number,
				certValidFrom: s.healthCertificate.validFrom,
				certValidTo: s.healthCertificate.validTo,
				removed: 0,
				updatedAt: at,
				version: 1
			}))
		);
		staffRows += staff.length;
		await store.insert('staff', staff);
	}
	log(`stored merchants, licences and ${staffRows} staff in ${Date.now() - t} ms`);

	// Each merchant keeps each owed book on a day with its own diligence (30–100 %, the
	// generator's misconduct ones 30 %); kitchens disinfect and keep samples twice a day; one
	// entry in twenty is late.
	t = Date.now();
	const first = daysEnding(today, DAYS)[0];
	await store.exec(
		`INSERT INTO ledger_entries
		 SELECT districtId, id AS merchantId, businessType, day, kind, generateUUIDv4(cityHash64(id, day, kind, n)),
		        toDateTime64(day, 3, 'UTC') + toIntervalMinute(60 + n * 300 + cityHash64(id, day) % 120) AS occurredAt,
		        occurredAt + toIntervalMinute(if(cityHash64(id, day, kind, n) % 20 = 0, 300, 5)) AS recordedAt,
		        cityHash64(id, day, kind, n) % 20 = 0 AS late, 1 AS owed, 'bench', 1
		 FROM merchants FINAL
		 ARRAY JOIN arrayMap(d -> toDate({first:String}) + d, range({days:UInt32})) AS day
		 ARRAY JOIN ${KINDS} AS kind
		 ARRAY JOIN range(if(kind = 'morning_check', 1, 2)) AS n
		 WHERE ${owes('kind', 'businessType', 'scale')}
		   AND cityHash64(id, day, kind) % 100 < 30 + cityHash64(id) % 71`,
		{ first, days: DAYS }
	);
	const [{ rows } = { rows: 0 }] = await store.query<{ rows: number }>(
		'SELECT count() AS rows FROM ledger_entries'
	);
	log(`made ${rows} ledger entries (${DAYS} days) in ${Date.now() - t} ms`);

	const ledgers = ledgerQueries(store, DEFAULT_TIME_ZONE);
	const registry = registryQueries(store, DEFAULT_TIME_ZONE);
	const all: ReadScope = { all: true };
	const window = { from: first ?? today, to: today };
	const [biggest] = await store.query<{ districtId: string; n: number }>(
		'SELECT districtId, count() AS n FROM merchants FINAL GROUP BY districtId ORDER BY n DESC LIMIT 1'
	);
	const district = biggest?.districtId ?? '370102';
	const scoped: ReadScope = { all: false, districts: [district], merchants: [] };
	const someMerchant = city.merchants.find((m) => m.districtId === district)?.id ?? '';

	/** Median and worst of RUNS runs after one warm-up, in ms. */
	async function time(name: string, run: () => Promise<unknown>) {
		await run();
		const ms: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const s = performance.now();
			await run();
			ms.push(performance.now() - s);
		}
		ms.sort((a, b) => a - b);
		const figure = {
			medianMs: Math.round(ms[Math.floor(ms.length / 2)] ?? 0),
			maxMs: Math.round(ms.at(-1) ?? 0)
		};
		log(`${name}: median ${figure.medianMs} ms, max ${figure.maxMs} ms`);
		return figure;
	}
	const base = { sort: 'name', limit: 50, offset: 0 } as const;
	const figures = {
		cityCompleteness: await time(`completeness, whole city, ${DAYS} days`, () =>
			ledgers.completeness(window, all)
		),
		districtCompleteness: await time(`completeness, district ${district}`, () =>
			ledgers.completeness({ ...window, district }, scoped)
		),
		worstMerchants: await time(`merchants worst first, district ${district}`, () =>
			ledgers.merchantCompleteness({ ...window, district }, scoped, 50)
		),
		merchantCalendar: await time('one merchant calendar, 90 days', () =>
			ledgers.merchantCalendar(someMerchant, district, {
				from: daysEnding(today, 90)[0] ?? today,
				to: today
			})
		),
		registryFirstPage: await time('registry list, first page, whole city', () =>
			registry.registry({ ...base, scope: all })
		),
		registryExpiring: await time('registry list, licences expiring, district', () =>
			registry.registry({ ...base, licence: 'expiring', scope: scoped })
		),
		registrySearch: await time('registry search by name, whole city', () =>
			registry.registry({ ...base, q: '饭店', scope: all })
		)
	};
	console.log(JSON.stringify({ merchants: MERCHANTS, days: DAYS, ledgerEntries: rows, figures }));
} finally {
	await store.close();
	rmSync(dir, { recursive: true, force: true });
}
