import { jetstream, jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { signTicket } from '../src/lib/server/auth/ticket';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { roomDelta } from '../src/lib/domain/live';
import { connectNats } from '../src/lib/server/backbone/connect';
import { ensureStreams } from '../src/lib/server/backbone/streams';
import { benchEvent, prepare } from './bench/events';
import { percentile, publishWindowed } from './bench/publish';
import { freePort } from './launcher/net';
import { startNats } from './launcher/nats-child';
import { Supervised } from './launcher/supervisor';
import { eventSubject } from '../src/lib/domain/subjects';
import { familyOf } from '../src/lib/domain/events';

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
const apiPort = await freePort();
// The bench reads as an admin, with a ticket signed by a secret of its own run.
const ticketSecret = randomBytes(32).toString('base64url');
const benchClaims = { sub: 'bench', role: 'admin' as const, districts: [], merchants: [] };
const ticket = (audience: 'gateway' | 'read-api') =>
	signTicket(benchClaims, ticketSecret, audience);
const processor = new Supervised(
	{
		name: 'processor',
		command: process.execPath,
		args: ['--import', 'tsx', 'stream-processor/main.ts'],
		env: {
			NATS_URL: nats.url,
			CHDB_PATH: join(nats.dir, 'clickhouse'),
			API_PORT: String(apiPort),
			API_HOST: '127.0.0.1',
			BATCH_MAX: '10000',
			TICKET_SECRET: ticketSecret
		}
	},
	() => process.exit(1)
);
started.push(processor);
processor.start();
const api = (path: string) =>
	fetch(`http://127.0.0.1:${apiPort}${path}`, {
		headers: { authorization: `Bearer ${ticket}` }
	}).then((r) => r.json());
for (let i = 0; ; i++) {
	if (
		await api('/healthz').then(
			(h: { status: string }) => h.status === 'ok',
			() => false
		)
	) {
		break;
	}
	if (i > 300) throw new Error('processor did not start');
	await sleep(200);
}
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
const socket = io(`http://127.0.0.1:${apiPort}`, {
	transports: ['websocket'],
	auth: { ticket: await ticket('gateway') }
});
const latencies: number[] = [];
let measuring = false;
socket.on('delta', (raw: unknown) => {
	const arrived = Date.now();
	const d = roomDelta.safeParse(raw);
	if (!measuring || !d.success) return;
	for (const f of d.data.feed) {
		if (f.merchantId.startsWith('b')) latencies.push(arrived - Date.parse(f.recordedAt));
	}
});
await new Promise<void>((resolve, reject) => {
	socket.emit('join', { room: 'city' }, (a: { ok: boolean; error?: string }) =>
		a.ok ? resolve() : reject(new Error(a.error))
	);
});
measuring = true;
const perTick = RATE / 100;
const steadyStart = Date.now();
let sent = 0;
for (let tick = 0; tick < SECONDS * 100; tick++) {
	const due = steadyStart + tick * 10;
	if (due > Date.now()) await sleep(due - Date.now());
	for (let k = 0; k < perTick; k++) {
		// recordedAt is set now, at publish: the latency starts here.
		const e = benchEvent(N + sent++, Date.now());
		void js.publish(
			eventSubject(familyOf(e.type), e.districtId, e.merchantId),
			encoder.encode(JSON.stringify(e)),
			{ msgID: e.id }
		);
	}
}
await sleep(1_000);
measuring = false;
socket.close();
latencies.sort((a, b) => a - b);
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
