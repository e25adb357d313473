/**
 * The little a processor remembers of a merchant's recent ledgers, for the after-service
 * absence rules and the suspicion rules. Bounded per merchant, rebuilt at start from the store.
 * Instants are epoch ms; only the morning checks are kept per local day (they are judged so).
 */
export interface LedgerTrail {
	/** End instants of tableware disinfections within TRAIL_KEEP_MS of the newest. */
	disinfections: number[];
	/** Food samples (meal, storedAt) within TRAIL_KEEP_MS of the newest. */
	samples: { meal: string; at: number }[];
	/** Morning checks per local day, the CHECK_DAYS_KEPT latest days. */
	checkDays: Map<string, CheckDay>;
	/** Ledger entries recorded within ENTRY_WINDOW_MS of the latest recorded one. */
	entries: LedgerEntry[];
}

/** A day of morning checks: were the temperatures identical at every check of that day? */
export interface CheckDay {
	uniform: boolean;
	/** The identical temperature of the day's latest uniform check, null if none. */
	temperatureC: number | null;
	/** People checked with a temperature at that check. */
	staff: number;
	/** The check that shows it (the latest uniform one, else the latest). */
	eventId: string;
}

export interface LedgerEntry {
	recordedAt: number;
	occurredAt: number;
	eventId: string;
}

/** Enough for today's meals and last night's, whatever the time zone. */
export const TRAIL_KEEP_MS = 36 * 3_600_000;
const MAX_KEPT = 96;
/** Today and the previous checked days, with room for a gap. */
export const CHECK_DAYS_KEPT = 5;
/** Entries recorded within an hour count as one sitting (ledger_batch_entered). */
export const ENTRY_WINDOW_MS = 3_600_000;
const MAX_ENTRIES = 200;

export function emptyTrail(): LedgerTrail {
	return { disinfections: [], samples: [], checkDays: new Map(), entries: [] };
}

function keepRecent<T>(list: T[], at: (x: T) => number, windowMs: number, max: number): T[] {
	let newest = -Infinity;
	for (const x of list) newest = Math.max(newest, at(x));
	const kept = list.filter((x) => at(x) >= newest - windowMs);
	return kept.length > max ? kept.slice(kept.length - max) : kept;
}

export function noteDisinfection(trail: LedgerTrail, endedAt: number): void {
	trail.disinfections.push(endedAt);
	trail.disinfections = keepRecent(trail.disinfections, (t) => t, TRAIL_KEEP_MS, MAX_KEPT);
}

export function noteSample(trail: LedgerTrail, meal: string, at: number): void {
	trail.samples.push({ meal, at });
	trail.samples = keepRecent(trail.samples, (s) => s.at, TRAIL_KEEP_MS, MAX_KEPT);
}

export function noteLedgerEntry(trail: LedgerTrail, entry: LedgerEntry): void {
	trail.entries.push(entry);
	trail.entries = keepRecent(trail.entries, (x) => x.recordedAt, ENTRY_WINDOW_MS, MAX_ENTRIES);
}

/**
 * The one temperature every present person shows at a check, or null: fewer than two present,
 * anyone present without a temperature, or any two temperatures that differ.
 */
export function identicalTemperature(
	entries: readonly { present: boolean; temperatureC?: number }[]
): { temperatureC: number; staff: number } | null {
	const present = entries.filter((x) => x.present);
	const first = present[0]?.temperatureC;
	if (present.length < 2 || first === undefined) return null;
	return present.every((x) => x.temperatureC === first)
		? { temperatureC: first, staff: present.length }
		: null;
}

/** Adds a check to its local day: a day is uniform only while every check of it is. */
export function noteMorningCheck(
	trail: LedgerTrail,
	day: string,
	check: { eventId: string; identical: { temperatureC: number; staff: number } | null }
): void {
	const before = trail.checkDays.get(day);
	const uniform = check.identical !== null && (before?.uniform ?? true);
	trail.checkDays.set(day, {
		uniform,
		temperatureC: check.identical?.temperatureC ?? before?.temperatureC ?? null,
		staff: check.identical?.staff ?? before?.staff ?? 0,
		eventId: check.identical || !before ? check.eventId : before.eventId
	});
	if (trail.checkDays.size > CHECK_DAYS_KEPT) {
		const oldest = [...trail.checkDays.keys()].sort()[0];
		if (oldest !== undefined) trail.checkDays.delete(oldest);
	}
}
