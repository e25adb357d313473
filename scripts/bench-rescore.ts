import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { parseArgs } from 'node:util';
import { generateDistrict, seedEvents } from '../seeds/generator';
import { familyOf } from '../src/lib/domain/events';
import { makeEvent } from '../src/lib/domain/events/make';
import { DEFAULT_RISK_SETTINGS, riskSettingsView } from '../src/lib/domain/risk';
import { eventSubject } from '../src/lib/domain/subjects';
import { localDay } from '../src/lib/domain/time';
import { connectNats } from '../src/lib/server/backbone/connect';
import { ensureStreams } from '../src/lib/server/backbone/streams';
import { latencyProbe, steadyTraffic } from './bench/live-latency';
import { startBenchProcessor } from './bench/processor';
import { percentile, publishWindowed } from './bench/publish';
import { startNats } from './launcher/nats-child';

// `npm run bench:rescore -- --merchants 100000 --rate 500`: the whole city regraded after an
// admin changes the risk settings, in the real pipeline (its own nats-server, the processor as
// its own process with chDB), while live events keep flowing at `rate` a second. Reports how
// long until every merchant's new grade is stored, and the live events' publish-to-socket
// latency before and during the rescore. Ends with one JSON line.

const { values } = parseArgs({
	options: {
		merchants: { type: 'string', default: '100000' },
		rate: { type: 'string', default: '500' }
	}
});
const N = Number(values.merchants);
const RATE = Number(values.rate);
const log = (m: string) => console.error(`[bench:rescore] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const encoder = new TextEncoder();

const nats = await startNats();
const bench = await startBenchProcessor(nats);
const stop = async () => {
	await bench.processor.stop();
	await nats.stop();
};
process.on('unhandledRejection', (e) => {
	log(`failed: ${(e as Error).message ?? String(e)}`);
	void stop().then(() => process.exit(1));
});
const nc = await connectNats(nats.url, 'bench-rescore');
const js = jetstream(nc);
await ensureStreams(await jetstreamManager(nc));

const status = async () => riskSettingsView.parse(await bench.api('/api/risk/settings'));
/** Polls until every merchant is stored under `version`; the milliseconds it took. */
const gradedUnder = async (version: number, since: number, limitS = 600) => {
	for (;;) {
		const s = await status();
		if ((s.graded[version] ?? 0) >= N) return performance.now() - since;
		if (performance.now() - since > limitS * 1000) {
			throw new Error(`only ${s.graded[version] ?? 0} of ${N} graded under v${version}`);
		}
		await sleep(100);
	}
};

// 1. The city: every merchant's registration and licence (staff and stock are not graded).
const city = generateDistrict({ seed: 7, merchants: N, today: localDay(Date.now()) });
const seed = seedEvents(city, Date.now()).filter(
	(e) => e.type === 'merchant.registered' || e.type === 'licence.issued'
);
let t = performance.now();
await publishWindowed(
	js,
	seed.map((e) => ({
		subject: eventSubject(familyOf(e.type), e.districtId, e.merchantId),
		id: e.id,
		data: encoder.encode(JSON.stringify(e))
	}))
);
const initialMs = await gradedUnder(1, t);
log(`${N} merchants registered and graded in ${Math.round(initialMs)} ms`);

// 2. Live traffic; a baseline of its latency, then new settings while it flows.
const probe = await latencyProbe(bench.url, await bench.ticket('gateway'));
let flowing = true;
const traffic = steadyTraffic(js, RATE, 0, () => !flowing);
await sleep(10_000);
const baseline = probe.take();

const change = makeEvent({
	type: 'risk.settings.changed',
	merchantId: 'city',
	districtId: '370100',
	actor: { kind: 'admin', id: 'bench' },
	payload: {
		settings: { ...DEFAULT_RISK_SETTINGS, version: 2, bands: { aMax: 20, bMax: 40, cMax: 55 } },
		reason: 'bench'
	}
});
t = performance.now();
await js.publish(
	eventSubject('risk', change.districtId, change.merchantId),
	JSON.stringify(change),
	{
		msgID: change.id
	}
);
const rescoreMs = await gradedUnder(2, t);
const during = probe.take();
flowing = false;
const sent = await traffic;
// The last publishes' acks come in before the connection closes.
await sleep(1_000);
probe.close();
const after = await status();
log(
	`rescored ${N} in ${Math.round(rescoreMs)} ms; live latency p99 ${percentile(baseline, 99)} ms ` +
		`before, ${percentile(during, 99)} ms during (${sent} live events)`
);
await nc.close();
await stop();

const figures = (l: number[]) => ({
	samples: l.length,
	p50Ms: percentile(l, 50),
	p99Ms: percentile(l, 99),
	maxMs: l.at(-1) ?? null
});
console.log(
	JSON.stringify({
		merchants: N,
		liveRatePerSec: RATE,
		initialGradingMs: Math.round(initialMs),
		rescoreAfterSettingsMs: Math.round(rescoreMs),
		gradedUnderV2: after.graded[2] ?? 0,
		liveLatencyBefore: figures(baseline),
		liveLatencyDuringRescore: figures(during)
	})
);
process.exit(0);
