import type { BusinessType } from '../events/merchant';
import { ledgerKinds, type LedgerKind } from './morning-check';

/**
 * Which ledgers a business owes every day it operates (餐饮服务食品安全操作规范): kitchens keep
 * all three daily books; a supermarket checks its staff each morning; small shops and stalls
 * record purchases as they happen and owe no daily book. Purchase intake is never owed daily:
 * a day without a delivery is not a gap.
 */
const owed: Record<BusinessType, readonly LedgerKind[]> = {
	restaurant: ['morning_check', 'disinfection', 'sample_retention'],
	school_canteen: ['morning_check', 'disinfection', 'sample_retention'],
	elderly_care_canteen: ['morning_check', 'disinfection', 'sample_retention'],
	company_canteen: ['morning_check', 'disinfection', 'sample_retention'],
	supermarket: ['morning_check'],
	small_shop: [],
	market_stall: []
};

export function owedLedgers(type: BusinessType): readonly LedgerKind[] {
	return owed[type];
}

/** Business types that owe a given ledger daily: the denominator of its completeness. */
export function typesOwing(kind: LedgerKind): BusinessType[] {
	return (Object.keys(owed) as BusinessType[]).filter((t) => owed[t].includes(kind));
}

/**
 * An entry recorded more than two hours after the time it claims is late: a kitchen fills its
 * book during the shift, not at the end of the day. (Much later, it is a suspicion rule's case.)
 */
export const LATE_AFTER_MS = 2 * 60 * 60 * 1000;

export function isLateEntry(occurredAt: string, recordedAt: string): boolean {
	return Date.parse(recordedAt) - Date.parse(occurredAt) > LATE_AFTER_MS;
}

export function kindOfLedgerType(type: string): LedgerKind | null {
	return ledgerKinds.find((k) => k.type === type)?.kind ?? null;
}

/** One merchant's day in the calendar: which owed books were kept, and how. */
export type DayState = 'complete' | 'partial' | 'missing' | 'not_owed' | 'future';

export function dayState(
	done: readonly string[],
	owedKinds: readonly LedgerKind[],
	isFuture: boolean
): DayState {
	if (isFuture) return 'future';
	if (owedKinds.length === 0) return 'not_owed';
	const kept = owedKinds.filter((k) => done.includes(k)).length;
	if (kept === owedKinds.length) return 'complete';
	return kept === 0 ? 'missing' : 'partial';
}

/** A share as a whole percentage, or null when nothing was owed (not 0 %, not 100 %). */
export function percent(part: number, whole: number): number | null {
	return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** The last `n` days ending at `day` (inclusive), oldest first, as YYYY-MM-DD. */
export function daysEnding(day: string, n: number): string[] {
	const end = Date.parse(`${day}T00:00:00Z`);
	return Array.from({ length: n }, (_, i) =>
		new Date(end - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10)
	);
}
