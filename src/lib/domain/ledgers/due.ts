import type { BusinessType, merchantScale } from '../events/merchant';
import { MORNING_CHECK_DUE_MINUTE } from '../rules/morning-check-missing';
import { MEAL_DUE_AFTER_MINUTES, mealServices, type Meal } from '../rules/meal-services';
import { owedLedgers } from './completeness';
import type { LedgerKind } from './morning-check';

type Scale = (typeof merchantScale.options)[number];

/**
 * What a shop's day asks of one book right now: kept enough so far (`done`), still to do by a
 * time (`due`), or behind (`late`: a due time has passed with fewer entries than services
 * served); or not owed. The same due times as the absence alerts, on the district's clock.
 */
export type BookState =
	| { state: 'not_owed' }
	| { state: 'done' }
	| { state: 'due'; by: number; meal?: Meal }
	| { state: 'late'; since: number; meal?: Meal };

export function bookToday(
	kind: LedgerKind,
	shop: { businessType: BusinessType; scale: Scale },
	minuteOfDay: number,
	entries: number
): BookState {
	if (!owedLedgers(shop.businessType, shop.scale).includes(kind)) return { state: 'not_owed' };
	if (kind === 'morning_check') {
		if (entries > 0) return { state: 'done' };
		return minuteOfDay >= MORNING_CHECK_DUE_MINUTE
			? { state: 'late', since: MORNING_CHECK_DUE_MINUTE }
			: { state: 'due', by: MORNING_CHECK_DUE_MINUTE };
	}
	// Disinfection and samples: one after each meal service, due an hour after it ends.
	const dues = (mealServices[shop.businessType] ?? []).map((s) => ({
		meal: s.meal,
		due: s.to + MEAL_DUE_AFTER_MINUTES
	}));
	const passed = dues.filter((d) => d.due <= minuteOfDay);
	const missed = passed[entries];
	if (entries < passed.length && missed) {
		return { state: 'late', since: missed.due, meal: missed.meal };
	}
	const next = dues[entries];
	return next && next.due > minuteOfDay
		? { state: 'due', by: next.due, meal: next.meal }
		: { state: 'done' };
}
