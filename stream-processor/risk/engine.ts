import { localDay } from '../../src/lib/domain/time';
import {
	DEFAULT_RISK_SETTINGS,
	emptyGradeCounts,
	scoreMerchant,
	type RiskGrade,
	type RiskResult,
	type RiskSettings
} from '../../src/lib/domain/risk';
import type { MerchantRecord, MerchantStates } from '../state/merchant-state';
import { ledgerStatsFromCounts, riskInputsOf } from './inputs';
import { emptyLedgerWindow, type LedgerWindow } from './ledger-window';
import { rescoreInSlices } from './rescore';

/** What made a merchant rescore: an event of its own, the day turning, or new settings. */
export type RescoreCause = 'event' | 'clock' | 'settings';

/** The part of a score the processor remembers per merchant (the rest is in the store). */
export interface CurrentRisk {
	score: number;
	grade: RiskGrade;
	settingsVersion: number;
}

/** A score that differs from the merchant's last one: a history row, and maybe a live delta. */
export interface RiskChange {
	merchantId: string;
	districtId: string;
	before: CurrentRisk | null;
	result: RiskResult;
	cause: RescoreCause;
	at: number;
}

/**
 * Continuous risk grading: events mark their merchant dirty, the clock and new settings mark
 * every merchant, and `flush` rescores what is marked in slices (live events keep flowing
 * meanwhile). Only real changes come out, so the history holds one row per change, not per
 * event. Debouncing is the flush interval: ten events of a shop in a second score it once.
 */
export class RiskEngine {
	#settings: RiskSettings;
	#ledgers: LedgerWindow = emptyLedgerWindow();
	readonly #current = new Map<string, CurrentRisk>();
	#dirty = new Map<string, RescoreCause>();
	/** merchantId → [knownSince, its local day]: formatting a day per merchant per rescore adds up. */
	readonly #registeredOn = new Map<string, [string, string]>();
	#all: RescoreCause | null = null;

	constructor(
		private readonly merchants: MerchantStates,
		private readonly timeZone: string,
		settings: RiskSettings = DEFAULT_RISK_SETTINGS,
		private readonly onError: (m: string) => void = console.error
	) {
		this.#settings = settings;
	}

	get settings(): RiskSettings {
		return this.#settings;
	}

	/** Something of this merchant changed: rescore it at the next flush. */
	touch(merchantId: string): void {
		if (!this.#dirty.has(merchantId)) this.#dirty.set(merchantId, 'event');
	}

	touchAll(cause: RescoreCause): void {
		// New settings outrank the clock as the reason a whole city's grades moved.
		if (this.#all !== 'settings') this.#all = cause;
	}

	/**
	 * Newer settings replace the current ones and rescore everyone; a redelivered or older
	 * version changes nothing (false), so replaying the stream is harmless.
	 */
	setSettings(settings: RiskSettings): boolean {
		if (settings.version <= this.#settings.version) return false;
		this.#settings = settings;
		this.touchAll('settings');
		return true;
	}

	setLedgerWindow(window: LedgerWindow): void {
		this.#ledgers = window;
	}

	/** The last stored score of a merchant (loaded at start), so only changes are written. */
	remember(merchantId: string, current: CurrentRisk): void {
		this.#current.set(merchantId, current);
	}

	current(merchantId: string): CurrentRisk | undefined {
		return this.#current.get(merchantId);
	}

	/** How many merchants wait for a rescore (health, tests). */
	get pending(): number {
		return this.#all ? this.merchants.size : this.#dirty.size;
	}

	/** The merchant's score now, with its factors (the read API), without recording it. */
	score(m: MerchantRecord, now: number): RiskResult {
		const today = localDay(now, this.timeZone);
		const registeredOn = this.#registeredDay(m);
		const days = this.#ledgers.days;
		const ledgers = ledgerStatsFromCounts(m, this.#ledgers.daysKept.get(m.id), days, registeredOn);
		return scoreMerchant(riskInputsOf(m, ledgers, today, now), this.#settings, now, this.timeZone);
	}

	#registeredDay(m: MerchantRecord): string | null {
		if (!m.knownSince) return null;
		const known = this.#registeredOn.get(m.id);
		if (known?.[0] === m.knownSince) return known[1];
		const day = localDay(m.knownSince, this.timeZone);
		this.#registeredOn.set(m.id, [m.knownSince, day]);
		return day;
	}

	/**
	 * Rescores the marked merchants (all of them after the clock or new settings) and returns
	 * the changes, to be stored and then committed (or retried). What was marked during the flush
	 * waits for the next one.
	 */
	async flush(now: number, sliceMs = 8): Promise<RiskChange[]> {
		const all = this.#all;
		const dirty = this.#dirty;
		this.#all = null;
		this.#dirty = new Map();
		const changes: RiskChange[] = [];
		const failed: string[] = [];
		const one = (m: MerchantRecord, cause: RescoreCause) => {
			if (!m.registered) return;
			let result: RiskResult;
			try {
				result = this.score(m, now);
			} catch (e) {
				// One merchant's odd state must not cost everyone else's rescore: marked again.
				failed.push(`${m.id}: ${(e as Error).message}`);
				this.#dirty.set(m.id, cause);
				return;
			}
			const before = this.#current.get(m.id) ?? null;
			if (
				before &&
				before.score === result.score &&
				before.grade === result.grade &&
				before.settingsVersion === result.settingsVersion
			) {
				return;
			}
			changes.push({ merchantId: m.id, districtId: m.districtId, before, result, cause, at: now });
		};
		if (all) {
			await rescoreInSlices(this.merchants.values(), (m) => one(m, dirty.get(m.id) ?? all), {
				sliceMs
			});
		} else {
			const marked = [...dirty].flatMap(([id, cause]) => {
				const m = this.merchants.get(id);
				return m ? [{ m, cause }] : [];
			});
			await rescoreInSlices(marked, ({ m, cause }) => one(m, cause), { sliceMs });
		}
		if (failed.length) this.onError(`${failed.length} not scored, e.g. ${failed[0]}`);
		return changes;
	}

	/** The changes are stored: they become the merchants' current grades. */
	commit(changes: readonly RiskChange[]): void {
		for (const { merchantId, result } of changes) {
			const { score, grade, settingsVersion } = result;
			this.#current.set(merchantId, { score, grade, settingsVersion });
		}
	}

	/** How many merchants are graded under each settings version (what the store holds). */
	gradedByVersion(): Record<number, number> {
		const counts: Record<number, number> = {};
		for (const c of this.#current.values()) {
			counts[c.settingsVersion] = (counts[c.settingsVersion] ?? 0) + 1;
		}
		return counts;
	}

	/** Grade counts of registered merchants per district (the rooms' grade mix). */
	gradeCounts(): Map<string, Record<RiskGrade, number>> {
		const counts = new Map<string, Record<RiskGrade, number>>();
		for (const m of this.merchants.values()) {
			const grade = m.registered ? this.#current.get(m.id)?.grade : undefined;
			if (!grade) continue;
			let c = counts.get(m.districtId);
			if (!c) counts.set(m.districtId, (c = emptyGradeCounts()));
			c[grade]++;
		}
		return counts;
	}
}
