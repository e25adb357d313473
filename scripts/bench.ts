import { jetstream, jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { parseArgs } from 'node:util';
import { connectNats } from '../src/lib/server/backbone/connect';
import { ensureStreams } from '../src/lib/server/backbone/streams';
import { prepare } from './bench/events';
import { latencyProbe, steadyTraffic } from './bench/live-latency';
import { percentile, publishWindowed } from './bench/publish';
import { startNats } from './launcher/nats-child';
import type { Supervised } from './launcher/supervisor';
import { startBenchProcessor } from './bench/processor';

// `npm run bench -- --events N`: the real pipeline on this machine (its own nats-server, the
// processor as its own process with chDB in a temp folder). Ends with one JSON line.

const { values } = parseArgs({
	options: {
		events: { type: 'string', default: '100000' },
		rate: { type: 'string', default: '2000' },
		seconds: { type: 'string', default: '15' }
	}
});
const N = Number(values.events);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
if (!Number.isInteger(N) || N < 1) throw new Error('--events must be a positive integer');

const log = (m: string) => console.error(`[bench] ${m}`);
const encoder = new TextEncoder();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const nats = await startNats();
const started: Supervised[] = [];
// Any failure stops what the bench started: no nats-server or processor left behind.
process.on('unhandledRejection', (e) => {
	console.error(`[bench] failed: ${(e as Error).message ?? String(e)}`);
	void (async () => {
		for (const child of started) await child.stop();
		await nats.stop();
		process.exit(1);
	})();
});
const deadline = (what: string, seconds = 180) => {
	const until = Date.now() + seconds * 1000;
	return () => {
		if (Date.now() > until) throw new Error(`${what} did not happen within ${seconds} s`);
	};
};
const nc = await connectNats(nats.url, 'bench');
const jsm = await jetstreamManager(nc);
const js = jetstream(nc);
await ensureStreams(jsm);

log(`preparing ${N} events`);
const items = prepare(N).map((p) => ({
	subject: p.subject,
	id: p.id,
	data: encoder.encode(JSON.stringify(p.event))
}));

// 1. Raw JetStream publish rate of the same bytes, into a stream no one consumes.
await jsm.streams.add({
	name: 'BENCH_RAW',
	subjects: ['bench.raw.>'],
	storage: StorageType.File,
	retention: RetentionPolicy.Limits
});
const rawMs = await publishWindowed(
	js,
	items.map((i) => ({ ...i, subject: i.subject.replace(/^fs\.ev\./, 'bench.raw.') }))
);
const natsPublishPerSec = Math.round((N / rawMs) * 1000);
await jsm.streams.delete('BENCH_RAW');
log(`raw JetStream publish: ${natsPublishPerSec}/s`);

// 2. The pipeline: publish the same events to FS_EVENTS, time until every row is stored.
const { processor, api, ticket, url } = await startBenchProcessor(nats);
started.push(processor);
const waitForRows = async (n: number) => {
	const check = deadline(`${n} stored rows`);
	for (;;) {
		check();
		const rows = ((await api('/api/stats')) as { rows: number }).rows;
		if (rows >= n) return rows;
		await sleep(50);
	}
};
const t0 = performance.now();
const publishMs = await publishWindowed(js, items);
const storedRows = await waitForRows(N);
const pipelineMs = performance.now() - t0;
const pipelinePerSec = Math.round((N / pipelineMs) * 1000);
log(
	`pipeline: ${N} stored in ${Math.round(pipelineMs)} ms = ${pipelinePerSec}/s ` +
		`(publishing took ${Math.round(publishMs)} ms of it)`
);

// 3. Latency from publish to a socket.io client in the city room, at a steady rate.
const probe = await latencyProbe(url, await ticket('gateway'));
const steadyStart = Date.now();
const sent = await steadyTraffic(js, RATE, N, () => Date.now() - steadyStart >= SECONDS * 1000);
await sleep(1_000);
const latencies = probe.take();
probe.close();
const achievedRate = Math.round(sent / ((Date.now() - 1_000 - steadyStart) / 1000));
log(`latency: ${latencies.length} sampled events at ~${achievedRate}/s`);

// 4. Backlog drain: the processor stopped, N more events wait in the stream, it restarts and
// catches up alone (what replay after an outage costs, without a producer on the same cores).
await processor.stop();
const backlog = prepare(N).map((p) => ({
	subject: p.subject,
	id: p.id,
	data: encoder.encode(JSON.stringify(p.event))
}));
await publishWindowed(js, backlog);
const before = 2 * N + sent;
processor.start();
let t1 = 0;
const drained = deadline('the backlog drain');
for (;;) {
	drained();
	const rows = await api('/api/stats').then(
		(r: { rows: number }) => r.rows,
		() => null
	);
	if (rows !== null && t1 === 0) t1 = performance.now();
	if (rows !== null && rows >= before) break;
	await sleep(50);
}
const drainPerSec = Math.round((N / (performance.now() - t1)) * 1000);
log(`backlog drain: ${N} in ${Math.round(performance.now() - t1)} ms = ${drainPerSec}/s`);
const stats = (await api('/api/stats')) as { rows: number; distinctIds: number };
await processor.stop();
await nc.close();
await nats.stop();

console.log(
	JSON.stringify({
		events: N,
		natsPublishPerSec,
		pipelinePerSec,
		pipelineVsRaw: Number((pipelinePerSec / natsPublishPerSec).toFixed(2)),
		p50EventToSocketMs: percentile(latencies, 50),
		p99EventToSocketMs: percentile(latencies, 99),
		drainPerSec,
		latencySamples: latencies.length,
		steadyRatePerSec: achievedRate,
		storedRows,
		totalRows: stats.rows,
		distinctIds: stats.distinctIds
	})
);
process.exit(0);
