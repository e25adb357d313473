import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { publishEvent } from '../src/lib/server/backbone/publisher';
import { licence, registered } from '../tests/helpers/events';
import { eventually } from '../tests/helpers/processor';
import { startSystem } from '../tests/helpers/system';

// `npm run bench:public -- --shops 200 --seconds 20 --connections 50`: the system as `npm start`
// runs it (build/, nats-server, processor), some registered shops, then autocannon on their
// public pages /p/<id> (rotating over the shops) for the given time. Target: ≥ 1,000 req/s with
// p99 < 100 ms. Ends with one JSON line. Needs `npx vite build` first.

interface AutocannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number; max: number };
	non2xx: number;
	errors: number;
	timeouts: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types; its promise API is all this uses.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({
	options: {
		shops: { type: 'string', default: '200' },
		seconds: { type: 'string', default: '20' },
		connections: { type: 'string', default: '50' }
	}
});
const SHOPS = Number(values.shops);
const log = (m: string) => console.error(`[bench:public] ${m}`);

const sys = await startSystem();
try {
	const ids = Array.from({ length: SHOPS }, (_, i) => `m-bench-${i}`);
	for (const id of ids) {
		await publishEvent(sys.js, registered(id, '370102', `压测商户${id}`));
		await publishEvent(sys.js, licence(id, '2099-12-31'));
	}
	const last = ids.at(-1) as string;
	await eventually(
		async () => ((await fetch(`${sys.webUrl}/p/${last}`)).status === 200 ? true : undefined),
		60_000,
		'the last shop page'
	);
	log(`${SHOPS} shops registered; warming up`);
	await autocannon({ url: sys.webUrl, connections: 10, duration: 2, requests: rotating(ids) });
	log(`running ${values.seconds} s with ${values.connections} connections`);
	const r = await autocannon({
		url: sys.webUrl,
		connections: Number(values.connections),
		duration: Number(values.seconds),
		requests: rotating(ids)
	});
	const out = {
		shops: SHOPS,
		seconds: Number(values.seconds),
		connections: Number(values.connections),
		requestsPerSecond: Math.round(r.requests.average),
		total: r.requests.total,
		p50Ms: r.latency.p50,
		p99Ms: r.latency.p99,
		maxMs: r.latency.max,
		non2xx: r.non2xx,
		errors: r.errors,
		timeouts: r.timeouts
	};
	log(
		`${out.requestsPerSecond} req/s, p50 ${out.p50Ms} ms, p99 ${out.p99Ms} ms ` +
			`(target ≥ 1000 req/s, p99 < 100 ms), non-2xx ${out.non2xx}, errors ${out.errors}`
	);
	console.log(JSON.stringify(out));
} finally {
	await sys.stop();
}

/** One request definition whose path moves to the next shop each time (as QR scans spread). */
function rotating(ids: string[]) {
	let i = 0;
	return [
		{
			method: 'GET',
			setupRequest: (req: Record<string, unknown>) => ({
				...req,
				path: `/p/${ids[i++ % ids.length]}`,
				headers: { accept: 'text/html' }
			})
		}
	];
}
