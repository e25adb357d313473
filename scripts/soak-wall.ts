import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { districts } from '../src/lib/domain/districts';
import { publishEvent } from '../src/lib/server/backbone/publisher';
import { registered } from '../tests/helpers/events';
import { TEST_PASSWORD } from '../tests/helpers/accounts';
import { startSystem } from '../tests/helpers/system';
import { steadyTraffic } from './bench/live-latency';

// `npm run soak:wall -- --minutes 120 --rate 500`: the wall left running under traffic. The real
// system (nats-server, processor, web from build/), 2,000 registered merchants, events at
// `rate` a second, /command open in Chromium as a city supervisor. Every minute the page's JS
// heap is read after a full garbage collection; the report compares the end with the value at
// `--baseline` minutes (10 by default, as the issue asks). Ends with one JSON line.
// Needs a build first (`npx vite build`).

const { values } = parseArgs({
	options: {
		minutes: { type: 'string', default: '120' },
		rate: { type: 'string', default: '500' },
		baseline: { type: 'string', default: '10' },
		merchants: { type: 'string', default: '2000' }
	}
});
const MINUTES = Number(values.minutes);
const RATE = Number(values.rate);
const BASELINE = Math.min(Number(values.baseline), MINUTES);
const MERCHANTS = Number(values.merchants);
const log = (m: string) => console.error(`[soak:wall] ${m}`);
const MB = 1024 * 1024;

const system = await startSystem();
let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
try {
	log(`registering ${MERCHANTS} merchants`);
	for (let i = 0; i < MERCHANTS; i++) {
		const id = `b${String(i).padStart(5, '0')}`;
		const district = districts[i % districts.length]!.id;
		await publishEvent(system.js, registered(id, district, `压测商户${i}`));
	}
	browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		// expose-gc: the heap is read after a full collection, so the figure is what is kept.
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--js-flags=--expose-gc'
		]
	});
	const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
	await page.goto(`${system.webUrl}/login`);
	await page.getByLabel('用户名').fill('city');
	await page.getByLabel('密码').fill(TEST_PASSWORD);
	await page.getByRole('button', { name: '登录' }).click();
	await page.waitForURL((u) => u.pathname !== '/login');
	await page.goto(`${system.webUrl}/command`);
	await page.getByTestId('live-status').and(page.locator('[data-status="live"]')).waitFor();
	let reloads = 0;
	page.on('load', () => reloads++);

	let stop = false;
	let unacknowledged = 0;
	const traffic = steadyTraffic(
		system.js,
		RATE,
		0,
		() => stop,
		() => unacknowledged++
	);
	const heap = async () =>
		page.evaluate(() => {
			(window as unknown as { gc?: () => void }).gc?.();
			return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory
				.usedJSHeapSize;
		});
	const samples: { minute: number; heapMb: number; status: string | null }[] = [];
	const started = Date.now();
	for (let minute = 1; minute <= MINUTES; minute++) {
		await new Promise((r) => setTimeout(r, started + minute * 60_000 - Date.now()));
		const used = await heap();
		const status = await page.getByTestId('live-status').getAttribute('data-status');
		samples.push({ minute, heapMb: Math.round((used / MB) * 10) / 10, status });
		log(`minute ${minute}: heap ${(used / MB).toFixed(1)} MB, ${status}`);
	}
	stop = true;
	const sent = await traffic;
	const base = samples.find((s) => s.minute === BASELINE)?.heapMb ?? samples[0]!.heapMb;
	const end = samples[samples.length - 1]!.heapMb;
	const growth = Math.round(((end - base) / base) * 1000) / 10;
	console.log(
		`\nWall soak: ${MINUTES} min at ${RATE} events/s (${sent} sent, ${unacknowledged} not acknowledged in time), ${MERCHANTS} merchants`
	);
	console.log(`heap at minute ${BASELINE}: ${base} MB`);
	console.log(`heap at minute ${MINUTES}: ${end} MB (${growth >= 0 ? '+' : ''}${growth}%)`);
	console.log(`peak: ${Math.max(...samples.map((s) => s.heapMb))} MB; page reloads: ${reloads}`);
	console.log(
		JSON.stringify({
			minutes: MINUTES,
			rate: RATE,
			sent,
			unacknowledged,
			baselineMinute: BASELINE,
			baselineMb: base,
			endMb: end,
			growthPct: growth,
			reloads,
			samples
		})
	);
} finally {
	await browser?.close();
	await system.stop();
}
