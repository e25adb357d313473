import type { Merchant } from '../generator/model';
import type { Rng } from '../generator/rng';
import { ledgerHabit } from './habits';
import { profiles } from './profiles';
import type { SimState } from './state';

/** A ledger entry a merchant will make (or fail to make) at a minute of a simulated day. */
export type PlannedAction =
	| { minute: number; merchant: Merchant; kind: 'morning_check' }
	/** A kitchen writes up its morning checks of the past days at one sitting (habits.ts). */
	| { minute: number; merchant: Merchant; kind: 'backfill' }
	| { minute: number; merchant: Merchant; kind: 'disinfection'; short: boolean }
	| {
			minute: number;
			merchant: Merchant;
			kind: 'sample_retention';
			meal: 'breakfast' | 'lunch' | 'dinner';
			light: boolean;
	  }
	| { minute: number; merchant: Merchant; kind: 'purchase' }
	| { minute: number; merchant: Merchant; kind: 'expired_lot' };

export interface DayPlan {
	day: number;
	/** Sorted by minute of the day (0..1440). */
	actions: PlannedAction[];
	/** Minutes of the day a device of a merchant with misconduct runs warm. */
	warm: Map<string, readonly [number, number]>;
}

const inWindow = (rng: Rng, [from, to]: readonly [number, number]) =>
	from * 60 + rng.next() * (to - from) * 60;

/**
 * What every merchant does on simulated day `day`. Drawn from a stream per (day, merchant),
 * so a plan does not depend on when it is asked for or on what happened before.
 */
export function planDay(state: SimState, day: number): DayPlan {
	const actions: PlannedAction[] = [];
	const warm = new Map<string, readonly [number, number]>();
	const dayRng = state.rng.fork(`plan:${day}`);
	for (const merchant of state.district.merchants) {
		const rng = dayRng.fork(merchant.id);
		const p = profiles[merchant.businessType];
		const bad = merchant.misconduct;
		const habit = ledgerHabit(merchant);
		const afterService = habit !== 'absent' && habit !== 'skips_after_service';
		if (p.morningCheck) {
			// Bad merchants skip the 晨检 more often than not; good ones almost never.
			const skip = rng.chance(bad ? 0.6 : 0.02) || habit === 'absent' || habit === 'backfills';
			if (skip) state.counters.skippedMorningChecks++;
			else actions.push({ minute: inWindow(rng, p.morningCheck), merchant, kind: 'morning_check' });
			// Late in the morning, when someone remembers the book: the past days at once.
			if (habit === 'backfills') {
				actions.push({ minute: inWindow(rng, [9, 9.9]), merchant, kind: 'backfill' });
			}
		}
		for (const window of p.disinfection) {
			if (rng.chance(bad ? 0.4 : 0.02) || !afterService) continue;
			actions.push({
				minute: inWindow(rng, window),
				merchant,
				kind: 'disinfection',
				short: bad && rng.chance(0.3)
			});
		}
		// Restaurants keep samples only when large (大型餐馆); canteens always must.
		const keepsSamples = merchant.businessType !== 'restaurant' || merchant.scale === 'large';
		if (keepsSamples) {
			for (const [meal, from, to] of p.sampleRetention) {
				if (rng.chance(bad ? 0.35 : 0.01) || !afterService) continue;
				actions.push({
					minute: inWindow(rng, [from, to]),
					merchant,
					kind: 'sample_retention',
					meal,
					light: bad && rng.chance(0.3)
				});
			}
		}
		const purchases = rng.int(p.purchases[0], p.purchases[1]);
		for (let i = 0; i < purchases && merchant.stock.length > 0; i++) {
			// Most deliveries come early; now and then one arrives during the day.
			const window = rng.chance(0.85) ? p.purchaseWindow : ([9, 17] as const);
			actions.push({ minute: inWindow(rng, window), merchant, kind: 'purchase' });
		}
		if (bad && state.stock.get(merchant.id)?.sellable.length) {
			const expiredLots = rng.poisson(state.expiredLotsPerDay);
			for (let i = 0; i < expiredLots; i++) {
				actions.push({ minute: inWindow(rng, [8, 20]), merchant, kind: 'expired_lot' });
			}
		}
		if (bad) {
			for (const device of merchant.devices) {
				if (!rng.chance(0.5)) continue;
				const start = inWindow(rng, [0, 22]);
				warm.set(device.deviceId, [start, start + rng.int(60, 150)]);
			}
		}
	}
	actions.sort((a, b) => a.minute - b.minute);
	return { day, actions, warm };
}

/** The plan of a day, made once; older plans are dropped so memory stays flat. */
export function planFor(state: SimState, day: number): DayPlan {
	let plan = state.plans.get(day);
	if (!plan) {
		plan = planDay(state, day);
		state.plans.set(day, plan);
		for (const d of state.plans.keys()) if (d < day - 1) state.plans.delete(d);
	}
	return plan;
}

/** Index of the first action at or after `minute`. */
export function firstActionAt(plan: DayPlan, minute: number): number {
	let lo = 0;
	let hi = plan.actions.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((plan.actions[mid] as PlannedAction).minute < minute) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
