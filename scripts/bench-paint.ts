import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { districts } from '../src/lib/domain/districts';
import { publishEvent } from '../src/lib/server/backbone/publisher';
import { registered } from '../tests/helpers/events';
import { TEST_PASSWORD } from '../tests/helpers/accounts';
import { startSystem } from '../tests/helpers/system';
import { percentile } from './bench/publish';

// `npm run bench:paint -- --loads 10`: how soon /command shows its figures, on localhost with a
// warm server (the real system, `--merchants` registered). For each load: first contentful
// paint, and "first meaningful paint" — the moment the wall's figures (KPI tiles, top risk,
// grades) are applied (the page marks it; they show on the next frame, ~16 ms later). Ends with one JSON line. Needs a build first (`npx vite build`).

const { values } = parseArgs({
	options: {
		loads: { type: 'string', default: '10' },
		merchants: { type: 'string', default: '2000' }
	}
});
const LOADS = Number(values.loads);
const MERCHANTS = Number(values.merchants);
const log = (m: string) => console.error(`[bench:paint] ${m}`);

const system = await startSystem();
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
try {
	log(`registering ${MERCHANTS} merchants`);
	for (let i = 0; i < MERCHANTS; i++) {
		const id = `p${String(i).padStart(5, '0')}`;
		await publishEvent(system.js, registered(id, districts[i % districts.length]!.id, `商户${i}`));
	}
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	const page = await context.newPage();
	await page.goto(`${system.webUrl}/login`);
	await page.getByLabel('用户名').fill('city');
	await page.getByLabel('密码').fill(TEST_PASSWORD);
	await page.getByRole('button', { name: '登录' }).click();
	await page.waitForURL((u) => u.pathname !== '/login');
	// Warm: the server has served the page and its data once.
	await page.goto(`${system.webUrl}/command`);
	await page.waitForFunction(() => performance.getEntriesByName('wall:figures').length > 0);

	const fcp: number[] = [];
	const fmp: number[] = [];
	for (let i = 0; i < LOADS; i++) {
		await page.goto(`${system.webUrl}/command`);
		const t = await page.waitForFunction(
			() => {
				const mark = performance.getEntriesByName('wall:figures')[0];
				const paint = performance.getEntriesByName('first-contentful-paint')[0];
				return mark && paint ? { fmp: mark.startTime, fcp: paint.startTime } : null;
			},
			undefined,
			{ timeout: 30_000 }
		);
		const v = (await t.jsonValue())!;
		fcp.push(v.fcp);
		fmp.push(v.fmp);
		log(`load ${i + 1}: FCP ${v.fcp.toFixed(0)} ms, figures ${v.fmp.toFixed(0)} ms`);
	}
	const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
	const result = {
		loads: LOADS,
		merchants: MERCHANTS,
		fcpMedianMs: Math.round(percentile(sorted(fcp), 50)),
		fmpMedianMs: Math.round(percentile(sorted(fmp), 50)),
		fmpMaxMs: Math.round(Math.max(...fmp))
	};
	console.log(`\n/command on a warm localhost server, ${LOADS} loads, ${MERCHANTS} merchants`);
	console.log(`first contentful paint, median: ${result.fcpMedianMs} ms`);
	console.log(
		`figures on screen (first meaningful paint), median: ${result.fmpMedianMs} ms, worst: ${result.fmpMaxMs} ms`
	);
	console.log(JSON.stringify(result));
} finally {
	await browser.close();
	await system.stop();
}
