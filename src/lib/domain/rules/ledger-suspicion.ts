import type { AlertDraft } from '../alert';
import type { FsEvent, FsEventOf } from '../events';
import { localDateTime, localDay } from '../time';
import { ENTRY_WINDOW_MS, type LedgerTrail } from './ledger-trail';

/*
 * Suspicious records: fake or back-filled books are the known weakness of paper ledgers. Each
 * finding is a low alert with its evidence, and that alert (its rule id) is what the risk
 * model's ledger-trust factor counts: no separate score is kept here.
 */

/** An entry recorded this long after the time it claims was written up afterwards. */
export const BACKFILL_HOURS = 12;
/** This many distinct claimed days recorded within ENTRY_WINDOW_MS is a book filled in at once. */
export const BATCH_MIN_DAYS = 3;
/** Identical temperatures on this many checked days running (today included). */
export const IDENTICAL_DAYS = 3;

export type LedgerEvent = Extract<FsEvent, { type: `ledger.${string}.recorded` }>;

/** An entry of one of the books (a dispute about one is the regulator's act, not an entry). */
export function isLedgerEvent(e: FsEvent): e is LedgerEvent {
	return e.type.startsWith('ledger.') && e.type.endsWith('.recorded');
}

/** `ledger.morning_check.recorded` → `morning_check` (the ledger's kind, a label key). */
function ledgerKind(type: string): string {
	return type.slice('ledger.'.length, type.lastIndexOf('.'));
}

const shown = (ms: number, timeZone?: string) => localDateTime(ms, timeZone).replace('T', ' ');

/**
 * Every present person at exactly the same temperature, at every check of this day and of the
 * two checked days before: real thermometers do not agree like that. One alert per day.
 * `trail` already holds this check.
 */
export function identicalTemperatures(
	e: FsEventOf<'ledger.morning_check.recorded'>,
	trail: LedgerTrail,
	timeZone?: string
): AlertDraft | null {
	const day = localDay(e.occurredAt, timeZone);
	const today = trail.checkDays.get(day);
	if (!today?.uniform) return null;
	const before = [...trail.checkDays.keys()]
		.filter((d) => d < day)
		.sort()
		.slice(-(IDENTICAL_DAYS - 1));
	if (before.length < IDENTICAL_DAYS - 1) return null;
	const earlier = before.map((d) => trail.checkDays.get(d));
	if (!earlier.every((d) => d?.uniform)) return null;
	return {
		rule: 'ledger_identical_temperatures',
		severity: 'low',
		merchantId: e.merchantId,
		districtId: e.districtId,
		period: day,
		facts: {
			firstDay: before[0] as string,
			day,
			days: IDENTICAL_DAYS,
			staff: today.staff,
			temperatureC: today.temperatureC ?? '—'
		},
		evidence: [...earlier.map((d) => d?.eventId as string), e.id]
	};
}

/** An entry recorded more than BACKFILL_HOURS after the time it claims. One alert per claimed day. */
export function ledgerBackfilled(e: LedgerEvent, timeZone?: string): AlertDraft | null {
	const occurred = Date.parse(e.occurredAt);
	const recorded = Date.parse(e.recordedAt);
	const lateMs = recorded - occurred;
	if (lateMs <= BACKFILL_HOURS * 3_600_000) return null;
	return {
		rule: 'ledger_backfilled',
		severity: 'low',
		merchantId: e.merchantId,
		districtId: e.districtId,
		period: localDay(occurred, timeZone),
		facts: {
			ledger: ledgerKind(e.type),
			claimedAt: shown(occurred, timeZone),
			recordedAt: shown(recorded, timeZone),
			hours: Math.floor(lateMs / 3_600_000)
		},
		evidence: [e.id]
	};
}

/**
 * Entries claiming BATCH_MIN_DAYS or more distinct days, recorded within one hour: many days of
 * a book entered at one sitting. One alert per recorded day; evidence is one entry per day.
 * `trail` already holds this entry.
 */
export function ledgerBatchEntered(
	e: LedgerEvent,
	trail: LedgerTrail,
	timeZone?: string
): AlertDraft | null {
	const recorded = Date.parse(e.recordedAt);
	const byDay = new Map<string, string>();
	let entries = 0;
	for (const x of trail.entries) {
		if (x.recordedAt > recorded || x.recordedAt <= recorded - ENTRY_WINDOW_MS) continue;
		entries++;
		const day = localDay(x.occurredAt, timeZone);
		if (!byDay.has(day)) byDay.set(day, x.eventId);
	}
	if (byDay.size < BATCH_MIN_DAYS) return null;
	const days = [...byDay.keys()].sort();
	return {
		rule: 'ledger_batch_entered',
		severity: 'low',
		merchantId: e.merchantId,
		districtId: e.districtId,
		period: localDay(recorded, timeZone),
		facts: {
			day: localDay(recorded, timeZone),
			days: days.length,
			firstDay: days[0] as string,
			lastDay: days[days.length - 1] as string,
			entries
		},
		evidence: days.slice(-50).map((d) => byDay.get(d) as string)
	};
}
