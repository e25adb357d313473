import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { generateDistrict, seedEvents } from '../seeds/generator';
import { familyOf, type FsEvent } from '../src/lib/domain/events';
import { roomDelta } from '../src/lib/domain/live';
import { riskSettingsView } from '../src/lib/domain/risk/risk-read';
import { eventSubject } from '../src/lib/domain/subjects';
import { localDay } from '../src/lib/domain/time';
import { makeEvent } from '../src/lib/server/backbone/publisher';
import { signInPage } from '../tests/helpers/sign-in-page';
import { startSystem } from '../tests/helpers/system';
import { ticketFor } from '../tests/helpers/tickets';
import { topSelfTime } from './bench/cpu-profile';
import { combine, installMeter, takeWindow, type PageWindow } from './bench/page-meter';
import { publishWindowed } from './bench/publish';

// `npm run bench:wall -- --merchants 100000 --rate 1000 --seconds 60`: the wall screen's map in
// the real system (nats-server, processor with chDB, web server from build/) and the system's
// Chromium on software GL at 1920×1080. Registers the merchants, opens /command, measures the
// page idle, then while `rate` complaints a second (each raises an alert and rescored its
// merchant, often to a new grade) flow through the backbone. Needs `npx vite build` first.
// Prints a table on stderr and one JSON line on stdout.

const { values } = parseArgs({
	options: {
		merchants: { type: 'string', default: '100000' },
		rate: { type: 'string', default: '1000' },
		seconds: { type: 'string', default: '60' },
		shot: { type: 'string' },
		/** Also print where the page's main thread spends its time under load. */
		profile: { type: 'boolean', default: false },
		/** Hide every panel but the map (same layout): what the map alone costs. */
		'map-only': { type: 'boolean', default: false },
		/** Turn off CSS filters, shadows and animations: what the page's effects cost. */
		'no-effects': { type: 'boolean', default: false }
	}
});
const N = Number(values.merchants);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const WINDOW_S = 5;
const log = (m: string) => console.error(`[bench:wall] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const encoder = new TextEncoder();

const system = await startSystem();
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	// As the browser tests, plus exact heap figures (performance.memory is coarse without it).
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--enable-precise-memory-info'
	]
});
let stopped = false;
const stop = async () => {
	if (stopped) return;
	stopped = true;
	await browser.close();
	await system.stop();
};
// Whatever fails, the nats-server, processor and web server started here must not outlive us.
const fail = (e: unknown) => {
	log(`failed: ${(e as Error).message ?? String(e)}`);
	void stop().then(() => process.exit(1));
};
process.on('unhandledRejection', fail);
process.on('uncaughtException', fail);
const api = async (path: string) => {
	const res = await fetch(`http://127.0.0.1:${system.apiPort}${path}`, {
		headers: { authorization: `Bearer ${await ticketFor()}` }
	});
	return res.json() as Promise<unknown>;
};

// 1. The city: registrations and licences, graded as they arrive.
let t = performance.now();
const city = generateDistrict({ seed: 11, merchants: N, today: localDay(Date.now()) });
const seed = seedEvents(city, Date.now()).filter(
	(e) => e.type === 'merchant.registered' || e.type === 'licence.issued'
);
await publishWindowed(
	system.js,
	seed.map((e) => ({
		subject: eventSubject(familyOf(e.type), e.districtId, e.merchantId),
		id: e.id,
		data: encoder.encode(JSON.stringify(e))
	}))
);
for (;;) {
	const s = riskSettingsView.parse(await api('/api/risk/settings'));
	if ((s.graded['1'] ?? 0) >= N) break;
	if (performance.now() - t > 900_000) throw new Error(`only ${s.graded['1']} of ${N} graded`);
	await sleep(500);
}
log(`${N} merchants registered and graded in ${Math.round(performance.now() - t)} ms`);

// 2. A socket in the city room counts what the screen is sent.
const probe = io(`http://127.0.0.1:${system.apiPort}`, {
	transports: ['websocket'],
	auth: { ticket: await ticketFor(undefined, 'gateway') }
});
const sent = { deltas: 0, events: 0, gradeChanges: 0, gradeChangesCarried: 0, overflows: 0 };
probe.on('delta', (raw: unknown) => {
	const d = roomDelta.safeParse(raw);
	if (!d.success) return;
	sent.deltas++;
	sent.events += d.data.feedTotal;
	sent.gradeChanges += d.data.gradeChangesTotal;
	sent.gradeChangesCarried += d.data.gradeChanges.length;
	if (d.data.gradeChangesTotal > d.data.gradeChanges.length) sent.overflows++;
});
await new Promise<void>((resolve, reject) =>
	probe.emit('join', { room: 'city' }, (a: { ok: boolean; error?: string }) =>
		a.ok ? resolve() : reject(new Error(a.error))
	)
);

// 3. The wall screen.
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
const errors: string[] = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('response', (r) => {
	if (r.url().includes('/api/command/points')) {
		log(`points answered ${r.status()} ${Math.round(performance.now() - t)} ms after navigation`);
	}
});
await signInPage(page, system.webUrl, 'city');
t = performance.now();
await page.goto(`${system.webUrl}/command`);
const map = page.getByTestId('district-map');
page.on('console', (m) => {
	if (m.type() === 'error') log(`page console: ${m.text()}`);
});
await map
	.and(page.locator(`[data-points="${N}"]`))
	.waitFor({ timeout: 180_000 })
	.catch(async (e: unknown) => {
		const legend = await page.getByTestId('map-legend').textContent();
		log(`map legend: ${legend}; page errors: ${errors.join('; ')}`);
		throw e;
	});
const loadMs = Math.round(performance.now() - t);
log(`/command showed ${N} points ${loadMs} ms after navigation`);
await page.getByTestId('live-status').and(page.locator('[data-status="live"]')).waitFor();
if (values['no-effects']) {
	await page.addStyleTag({
		content: `*, *::before, *::after { animation: none !important; transition: none !important;
			box-shadow: none !important; text-shadow: none !important; filter: none !important; }`
	});
}
if (values['map-only']) {
	await page.addStyleTag({
		content: `.column > :not(.map), header > * { visibility: hidden !important; }`
	});
}
await sleep(3_000);
await installMeter(page, browser);

const phase = async (seconds: number) => {
	const ws: PageWindow[] = [];
	for (let s = 0; s < seconds; s += WINDOW_S) {
		await sleep(WINDOW_S * 1000);
		ws.push(await takeWindow(page));
	}
	return ws;
};
const idle = await phase(10);
log(`idle: ${JSON.stringify(combine(idle))}`);

// 4. Merchant updates at `rate` a second, each to a random merchant of the city: three in four
// renew its licence, alternately lapsed and valid (a new grade nearly every time, and an alert
// when it lapses), one in four is a complaint (an alert and more risk points).
const categories = ['illness', 'hygiene', 'foreign_object'] as const;
const lapsed = new Set<string>();
const yesterday = localDay(Date.now() - 86_400_000);
const MAX_IN_FLIGHT = 4_000;
let flowing = true;
let published = 0;
let failed = 0;
let skipped = 0;
let inFlight = 0;
const before = { ...sent };
const update = (k: number): FsEvent => {
	const m = city.merchants[Math.floor(Math.random() * city.merchants.length)]!;
	const base = { merchantId: m.id, districtId: m.districtId };
	if (k % 4 === 3) {
		return makeEvent({
			...base,
			type: 'complaint.filed',
			actor: { kind: 'public', id: 'bench' },
			payload: {
				complaintId: `c${k}`,
				category: categories[k % categories.length]!,
				text: '压测投诉',
				channel: 'qr_page'
			}
		}) as FsEvent;
	}
	const lapse = !lapsed.has(m.id);
	if (lapse) lapsed.add(m.id);
	else lapsed.delete(m.id);
	return makeEvent({
		...base,
		type: 'licence.renewed',
		actor: { kind: 'admin', id: 'bench' },
		payload: {
			licenceId: m.licence.licenceId,
			validFrom: '2015-01-01',
			validTo: lapse ? yesterday : '2031-12-31'
		}
	}) as FsEvent;
};
const traffic = (async () => {
	const start = Date.now();
	const perTick = RATE / 100;
	for (let tick = 0; flowing; tick++) {
		const due = start + tick * 10;
		if (due > Date.now()) await sleep(due - Date.now());
		const n = Math.floor(perTick * (tick + 1)) - Math.floor(perTick * tick);
		for (let k = 0; k < n; k++) {
			// The backbone cannot take more: count what we could not send rather than pile it up.
			if (inFlight >= MAX_IN_FLIGHT) {
				skipped++;
				continue;
			}
			const e = update(published++);
			inFlight++;
			system.js
				.publish(eventSubject(familyOf(e.type), e.districtId, e.merchantId), JSON.stringify(e), {
					msgID: e.id
				})
				.catch(() => failed++)
				.finally(() => inFlight--);
		}
	}
})();
let loaded: PageWindow[] = [];
let hot: Awaited<ReturnType<typeof topSelfTime>> = [];
if (values.profile) {
	hot = await topSelfTime(page, async () => {
		loaded = await phase(SECONDS);
	});
} else loaded = await phase(SECONDS);
flowing = false;
await traffic;
const shot = values.shot;
if (shot) await page.screenshot({ path: shot });
const received = {
	deltas: sent.deltas - before.deltas,
	events: sent.events - before.events,
	gradeChanges: sent.gradeChanges - before.gradeChanges,
	gradeChangesCarried: sent.gradeChangesCarried - before.gradeChangesCarried,
	overflows: sent.overflows - before.overflows
};
probe.close();
await stop();

const row = (name: string, w: PageWindow) =>
	[
		name.padEnd(8),
		String(w.fps).padStart(6),
		String(w.jankyFramePct).padStart(7),
		String(w.maxFrameGapMs).padStart(7),
		String(w.baseRedrawsPerSec).padStart(7),
		String(w.flashRedrawsPerSec).padStart(7),
		String(w.recolouredPerSec).padStart(8),
		String(w.longTaskPct).padStart(7),
		String(w.busyPct).padStart(7),
		String(w.heapMB).padStart(7),
		String(w.taskMsPerSec).padStart(6),
		String(w.scriptMsPerSec).padStart(6),
		String(w.layoutMsPerSec + w.styleMsPerSec).padStart(6),
		String(w.rendererCpuPct).padStart(6),
		String(w.gpuCpuPct).padStart(5)
	].join(' ');
const idleAll = combine(idle);
const loadAll = combine(loaded);
console.error(
	'\nphase       fps  janky%  maxgap  base/s flash/s  recol/s   long%   busy%  heapMB  task  script lay+st rend%  gpu%'
);
console.error(row('idle', idleAll));
loaded.forEach((w, i) => console.error(row(`load ${(i + 1) * WINDOW_S}s`, w)));
console.error(row('load', loadAll));
console.error(
	`published ${published} updates (${failed} failed, ${skipped} not sent: backbone full) in ` +
		`${SECONDS} s; the city room was sent ` +
		`${received.events} events, ${received.gradeChanges} grade changes ` +
		`(${received.gradeChangesCarried} carried, ${received.overflows} overflowing deltas) in ` +
		`${received.deltas} deltas; page errors: ${errors.length}`
);
if (hot.length > 0) {
	console.error('\nmain thread under load, self time:');
	for (const h of hot) console.error(`${String(h.pct).padStart(5)}%  ${h.fn}`);
}
console.log(
	JSON.stringify({
		merchants: N,
		ratePerSec: RATE,
		seconds: SECONDS,
		pointsShownMs: loadMs,
		idle: idleAll,
		load: loadAll,
		live: { published, failed, skipped, ...received },
		pageErrors: errors
	})
);
process.exit(0);
