import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateDistrict } from '../seeds/generator';
import { createRng } from '../src/lib/domain/rng';
import type { RiskInputs } from '../src/lib/domain/risk/risk-inputs';
import { DEFAULT_RISK_SETTINGS } from '../src/lib/domain/risk/risk-settings';
import { scoreMerchant } from '../src/lib/domain/risk/risk-score';
import { localDay } from '../src/lib/domain/time';
import { rescoreInSlices } from '../stream-processor/risk/rescore';

// `npm run bench:risk -- --merchants 100000`: rescoring every merchant after a settings change,
// the way the processor does it (slices of 8 ms, the loop free between them), while a 1 ms
// ticker stands in for live traffic and measures how long it waits. The merchants are the
// generator's; their findings of the last year are drawn per merchant (the badly run ones
// get more). Ends with one JSON line.

const { values } = parseArgs({
	options: { merchants: { type: 'string', default: '100000' } }
});
const N = Number(values.merchants);
const log = (m: string) => console.error(`[bench:risk] ${m}`);
const DAY = 86_400_000;
const now = Date.now();

const city = generateDistrict({ seed: 7, merchants: N, today: localDay(now) });
const inputs: RiskInputs[] = city.merchants.map((m) => {
	const rng = createRng(`risk:${m.id}`);
	const many = (mean: number) => rng.poisson(m.misconduct ? mean * 4 : mean);
	const ago = () => now - rng.int(0, 364) * DAY;
	return {
		businessType: m.businessType,
		scale: m.scale,
		licence: {
			kind: 'food_business',
			status: m.licence.validTo < localDay(now) ? 'expired' : 'valid',
			validTo: m.licence.validTo
		},
		ledgers: { kept: 90 - many(6), owed: 90, days: 30 },
		ledgerFindings: Array.from({ length: many(0.3) }, () => ({
			rule: 'ledger_backfilled' as const,
			at: ago()
		})),
		alerts: Array.from({ length: many(2) }, () => ({
			rule: 'morning_check_missing' as const,
			severity: 'medium' as const,
			status: rng.chance(0.3) ? ('open' as const) : ('closed' as const),
			raisedAt: ago()
		})),
		lotsSold: Array.from({ length: many(0.2) }, () => ({ at: ago(), recalled: false })),
		complaints: Array.from({ length: many(0.5) }, () => ({
			at: ago(),
			category: 'hygiene' as const
		})),
		inspections: Array.from({ length: rng.int(0, 3) }, () => ({
			at: ago(),
			result: rng.pick(['pass', 'pass', 'rectify', 'fail'] as const),
			criticalFindings: many(0.3)
		})),
		devices: { count: 2, offlineHours: many(1) }
	};
});
log(`made inputs for ${N} merchants`);

// 1. Raw: every score in one go (what a rescore would block the loop for).
let t = performance.now();
const grades: Record<string, number> = { A: 0, B: 0, C: 0, D: 0 };
for (const i of inputs) grades[scoreMerchant(i, DEFAULT_RISK_SETTINGS, now).grade]!++;
const rawMs = performance.now() - t;
log(`raw: ${N} scores in ${Math.round(rawMs)} ms; grades ${JSON.stringify(grades)}`);

// 2. In slices, with a 1 ms ticker as the live stream: how late does it run?
const lag = monitorEventLoopDelay({ resolution: 1 });
lag.enable();
let tickerMax = 0;
let last = performance.now();
const ticker = setInterval(() => {
	const at = performance.now();
	tickerMax = Math.max(tickerMax, at - last);
	last = at;
}, 1);
t = performance.now();
const r = await rescoreInSlices(inputs, (i) => scoreMerchant(i, DEFAULT_RISK_SETTINGS, now));
clearInterval(ticker);
lag.disable();
const figures = {
	merchants: N,
	rawMs: Math.round(rawMs),
	slicedMs: Math.round(r.ms),
	slices: r.slices,
	loopDelayP99Ms: Math.round(lag.percentile(99) / 1e6),
	loopDelayMaxMs: Math.round(lag.max / 1e6),
	liveTickerMaxGapMs: Math.round(tickerMax)
};
log(
	`sliced: ${r.count} scores in ${figures.slicedMs} ms over ${r.slices} slices; ` +
		`loop delay p99 ${figures.loopDelayP99Ms} ms, max ${figures.loopDelayMaxMs} ms`
);
console.log(JSON.stringify(figures));
