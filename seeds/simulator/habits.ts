import type { Merchant } from '../generator/model';
import { hash32 } from '../generator/rng';

/**
 * How a badly run kitchen keeps (or fakes) its ledgers, beyond skipping now and then:
 * - `backfills`: writes the morning-check book days late, several past days at one sitting
 *   and everyone at the same temperature (ledger_backfilled, ledger_batch_entered,
 *   ledger_identical_temperatures; and morning_check_missing on the day);
 * - `same_temperatures`: checks on time but writes one temperature for everybody;
 * - `skips_after_service`: never disinfects tableware or keeps samples after meals
 *   (disinfection_missing, sample_missing);
 * - `absent`: keeps no daily ledger at all.
 * Only merchants with misconduct have one, about half of them: with the default 8 % bad share
 * that is 1 % of the district per habit, enough for the wall to show each, not to flood it.
 */
export type LedgerHabit = 'backfills' | 'same_temperatures' | 'skips_after_service' | 'absent';

/** Shares of misconduct merchants per habit (the rest keep their books, badly). */
const habitShares: readonly (readonly [LedgerHabit, number])[] = [
	['backfills', 0.14],
	['same_temperatures', 0.12],
	['skips_after_service', 0.12],
	['absent', 0.12]
];

/** A merchant's habit: stable for its id, so a restarted simulator keeps the same culprits. */
export function ledgerHabit(m: Merchant): LedgerHabit | null {
	if (!m.misconduct) return null;
	let r = (hash32(`habit:${m.id}`) % 10_000) / 10_000;
	for (const [habit, share] of habitShares) {
		if (r < share) return habit;
		r -= share;
	}
	return null;
}

/** Days a back-filling kitchen writes up at one sitting (yesterday and the two days before). */
export const BACKFILL_DAYS = 3;
/** The one temperature a made-up book gives everybody. */
export const MADE_UP_TEMPERATURE_C = 36.5;
