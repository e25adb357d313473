/**
 * The video wall in Chromium: 16 test-pattern cameras on one /video page (grid 16). Reports per
 * tile the first-picture time and decoded frames per second, the live latency (page clock minus
 * the timecode burned into the frame) sampled over the run, and the encoders' CPU. JSON out.
 *
 *   npm run bench:video-wall -- [--minutes 2] [--tiles 16]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { publishEvent } from '../src/lib/server/backbone/publisher';
import { registerCamera } from '../tests/helpers/cameras';
import { registered } from '../tests/helpers/events';
import { signInPage } from '../tests/helpers/sign-in-page';
import { startSystem } from '../tests/helpers/system';
import { sampleTile } from '../tests/helpers/video-canvas';

const { values } = parseArgs({
	options: { minutes: { type: 'string', default: '2' }, tiles: { type: 'string', default: '16' } }
});
const minutes = Number(values.minutes);
const tiles = Number(values.tiles);
const SAMPLE_MS = 2_000;
const areas = ['cooking', 'cold_dishes', 'washing', 'storage'] as const;

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return 0;
	}
}
const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : null;
};
const round = (x: number | null, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

const system = await startSystem({ video: true });
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
});
try {
	for (let m = 1; m <= Math.ceil(tiles / 4); m++) {
		await publishEvent(system.js, registered(`m-bv${m}`, '370102', `压测后厨${m}号店`));
	}
	for (let i = 0; i < tiles; i++) {
		await registerCamera(
			system.js,
			`cam-b${String(i + 1).padStart(2, '0')}`,
			`m-bv${Math.floor(i / 4) + 1}`,
			{
				area: areas[i % 4],
				publicView: false
			}
		);
	}
	const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
	// tsx names functions with an `__name` helper that page.evaluate's copies do not carry.
	await page.addInitScript({ content: 'window.__name = (f) => f;' });
	await signInPage(page, system.webUrl, 'sup-a');
	await page.goto(`${system.webUrl}/video`);
	await page.getByTestId('grid-16').click();
	const grid = page.getByTestId('video-grid').getByTestId('video-tile');
	const opened = Date.now();
	for (let i = 0; i < tiles; i++) {
		await grid.nth(i).locator('canvas[data-first-picture-ms]').waitFor({ timeout: 60_000 });
	}
	const allLiveMs = Date.now() - opened;
	const firstPicture = await Promise.all(
		Array.from({ length: tiles }, (_, i) =>
			grid
				.nth(i)
				.locator('canvas')
				.evaluate((c: HTMLCanvasElement) => Number(c.dataset.firstPictureMs))
		)
	);

	const pids = system.video!.ffmpegPids();
	const cpu0 = pids.reduce((a, p) => a + cpuSeconds(p), 0);
	const start = Date.now();
	const first = await Promise.all(Array.from({ length: tiles }, (_, i) => sampleTile(grid.nth(i))));
	const latencies: { at: number; ms: number }[] = [];
	let unreadable = 0;
	let last = first;
	while (Date.now() - start < minutes * 60_000) {
		await page.waitForTimeout(SAMPLE_MS);
		last = await Promise.all(Array.from({ length: tiles }, (_, i) => sampleTile(grid.nth(i))));
		for (const s of last) {
			if (s.madeAt === null) unreadable++;
			else latencies.push({ at: s.now - start, ms: s.now - s.madeAt });
		}
	}
	const seconds = (Date.now() - start) / 1000;
	const cpu1 = pids.reduce((a, p) => a + cpuSeconds(p), 0);
	const fps = last.map((s, i) => (s.frames - first[i]!.frames) / seconds);
	const skipped = await Promise.all(
		Array.from({ length: tiles }, (_, i) =>
			grid
				.nth(i)
				.locator('canvas')
				.evaluate((c: HTMLCanvasElement) => Number(c.dataset.skipped ?? 0))
		)
	);
	const ms = latencies.map((l) => l.ms);
	const firstHalf = latencies.filter((l) => l.at < (seconds * 1000) / 2).map((l) => l.ms);
	const secondHalf = latencies.filter((l) => l.at >= (seconds * 1000) / 2).map((l) => l.ms);
	console.log(
		JSON.stringify(
			{
				tiles,
				seconds: Math.round(seconds),
				firstPictureMs: { p50: pct(firstPicture, 50), max: Math.max(...firstPicture) },
				allTilesLiveMs: allLiveMs,
				decodedFpsPerTile: {
					min: round(Math.min(...fps)),
					p50: round(pct(fps, 50)),
					max: round(Math.max(...fps))
				},
				skippedByCatchUp: skipped.reduce((a, b) => a + b, 0),
				latencyMs: {
					samples: ms.length,
					unreadable,
					p50: pct(ms, 50),
					p95: pct(ms, 95),
					max: pct(ms, 100),
					firstHalfP50: pct(firstHalf, 50),
					secondHalfP50: pct(secondHalf, 50)
				},
				encoders: {
					processes: pids.length,
					cpuPercentOfOneCore: round(((cpu1 - cpu0) / seconds) * 100)
				}
			},
			null,
			2
		)
	);
} finally {
	await browser.close();
	await system.stop();
}
