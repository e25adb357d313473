import type { Store } from '../../clickhouse/store';
import { daysEnding } from '../../src/lib/domain/ledgers/completeness';

/** Finished days the ledger factors look back over (today is still being written). */
export const LEDGER_WINDOW_DAYS = 30;

export interface LedgerWindow {
	/** The finished days, oldest first; empty before the first load. */
	days: string[];
	/** merchantId → kind → days with an entry of that kind in the window. */
	daysKept: Map<string, Map<string, number>>;
}

export const emptyLedgerWindow = (): LedgerWindow => ({ days: [], daysKept: new Map() });

/** The window ending yesterday, relative to `today`. */
export function windowDays(today: string): string[] {
	return daysEnding(today, LEDGER_WINDOW_DAYS + 1).slice(0, LEDGER_WINDOW_DAYS);
}

/**
 * Every merchant's kept days per book over the window, in one query. Finished days change only
 * when the day turns (a late entry for yesterday aside, caught the next day), so the processor
 * loads this at start and once a day rather than per event.
 */
export async function loadLedgerWindow(store: Store, today: string): Promise<LedgerWindow> {
	const days = windowDays(today);
	const rows = await store.query<{ merchantId: string; kind: string; days: number }>(
		`SELECT merchantId, kind, toUInt32(uniqExact(day)) AS days
		 FROM ledger_entries
		 WHERE ledger_entries.day BETWEEN {from:Date} AND {to:Date}
		 GROUP BY merchantId, kind`,
		{ from: days[0], to: days.at(-1) }
	);
	const daysKept = new Map<string, Map<string, number>>();
	for (const r of rows) {
		let kinds = daysKept.get(r.merchantId);
		if (!kinds) daysKept.set(r.merchantId, (kinds = new Map()));
		kinds.set(r.kind, Number(r.days));
	}
	return { days, daysKept };
}
