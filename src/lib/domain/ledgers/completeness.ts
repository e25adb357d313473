import { businessTypes, merchantScale, type BusinessType } from '../events/merchant';
import { mealServices, samplesRequired } from '../rules/meal-services';
import { ledgerKinds, type LedgerKind } from './morning-check';

type MerchantScale = (typeof merchantScale.options)[number];
const merchantScales = merchantScale.options;

/**
 * Which ledgers a business owes every day it operates (餐饮服务食品安全操作规范): kitchens check
 * their staff each morning and disinfect tableware after each meal service; canteens and large
 * restaurants also keep a sample of each meal (the same rule as the absence alerts); a
 * supermarket checks its staff each morning; shops and stalls owe no daily book. Purchase
 * intake is never owed daily: a day without a delivery is not a gap.
 */
export function owedLedgers(type: BusinessType, scale: MerchantScale): LedgerKind[] {
	if (type in mealServices) {
		return [
			'morning_check',
			'disinfection',
			...(samplesRequired(type, scale) ? (['sample_retention'] as const) : [])
		];
	}
	return type === 'supermarket' ? ['morning_check'] : [];
}

/** The (business type, scale) pairs that owe a ledger: the denominator of its completeness. */
export function owingPairs(kind: LedgerKind): [BusinessType, MerchantScale][] {
	return businessTypes.flatMap((type) =>
		merchantScales
			.filter((scale) => owedLedgers(type, scale).includes(kind))
			.map((scale): [BusinessType, MerchantScale] => [type, scale])
	);
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

/**
 * One merchant's day in the calendar: which owed books were kept. Today is still open (a book
 * not yet kept is due, not missing); a day before the merchant was registered owes nothing.
 */
export type DayState =
	'complete' | 'partial' | 'missing' | 'not_owed' | 'open' | 'future' | 'unregistered';

export function dayState(
	done: readonly string[],
	owedKinds: readonly LedgerKind[],
	day: string,
	on: { today: string; registeredOn: string | null }
): DayState {
	if (day > on.today) return 'future';
	if (on.registeredOn && day < on.registeredOn) return 'unregistered';
	if (owedKinds.length === 0) return 'not_owed';
	const kept = owedKinds.filter((k) => done.includes(k)).length;
	if (kept === owedKinds.length) return 'complete';
	if (day === on.today) return 'open';
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
