import type { Store } from '../../clickhouse/store';
import { localDay } from '../../src/lib/domain/time';
import type { LiveHub } from '../live/live-hub';
import type { RiskChange, RiskEngine } from './engine';
import { loadLedgerWindow } from './ledger-window';

/** A history row of risk_scores. */
export function riskRow(c: RiskChange) {
	return {
		merchantId: c.merchantId,
		districtId: c.districtId,
		score: c.result.score,
		grade: c.result.grade,
		staticScore: c.result.staticScore,
		settingsVersion: c.result.settingsVersion,
		factors: JSON.stringify(c.result.factors),
		cause: c.cause,
		scoredAt: new Date(c.at).toISOString()
	};
}

/**
 * Rows per INSERT. chDB runs one statement at a time: the consumer's event batches wait behind
 * each block, so a city-wide rescore is written in small ones (5,000 rows ≈ 60 ms here).
 */
const WRITE_CHUNK = 5_000;

/**
 * The risk loop: each tick rescores the merchants marked since the last one; when the local day
 * turns (and at start) it reloads the ledger window and rescores everyone (old findings decay,
 * yesterday's books count). Changes are stored, then shown live; a failed write puts them back.
 */
export function startRiskClock(deps: {
	engine: RiskEngine;
	store: Store;
	live: LiveHub;
	timeZone: string;
	tickMs: number;
	log: (m: string) => void;
}) {
	const { engine, store, live, timeZone, log } = deps;
	let day: string | null = null;
	let running: Promise<void> | null = null;
	let stopped = false;
	const run = (): Promise<void> => {
		if (stopped) return Promise.resolve();
		running ??= tick().finally(() => (running = null));
		return running;
	};
	/** Changes scored but not stored yet: written again as they are (same rows, same instants). */
	let unwritten: RiskChange[] = [];
	const tick = async () => {
		try {
			const now = Date.now();
			const today = localDay(now, timeZone);
			if (today !== day) {
				engine.setLedgerWindow(await loadLedgerWindow(store, today));
				engine.touchAll('clock');
				day = today;
			}
			const started = performance.now();
			// A failed write is retried with the very rows it tried (a row written before the
			// failure is the same row again, and ReplacingMergeTree keeps one), before any new scoring.
			const changes = unwritten.length ? unwritten : await engine.flush(now);
			if (changes.length === 0) return;
			const scored = performance.now();
			unwritten = changes;
			for (let i = 0; i < changes.length; i += WRITE_CHUNK) {
				await store.insert('risk_scores', changes.slice(i, i + WRITE_CHUNK).map(riskRow));
			}
			unwritten = [];
			engine.commit(changes);
			live.onRiskChanges(changes, engine.gradeCounts(), now);
			if (changes.length > 1_000) {
				const ms = (a: number, b: number) => Math.round(b - a);
				log(
					`risk: ${changes.length} merchants rescored in ${ms(started, scored)} ms, ` +
						`stored in ${ms(scored, performance.now())} ms`
				);
			}
		} catch (e) {
			log(`risk rescoring failed, will retry: ${(e as Error).message}`);
		}
	};
	void run();
	const t = setInterval(() => void run(), deps.tickMs);
	return {
		/** Stops the loop and waits for a tick in flight (its write must end before the store). */
		stop: async () => {
			stopped = true;
			clearInterval(t);
			await running;
		}
	};
}
