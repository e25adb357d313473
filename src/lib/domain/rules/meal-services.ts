import { instantOfLocal } from '../time';

export type Meal = 'breakfast' | 'lunch' | 'dinner';

/** A meal service on the district clock, in minutes of the local day [from, to). */
export interface MealService {
	meal: Meal;
	from: number;
	to: number;
}

const at = (h: number, m = 0) => h * 60 + m;

/**
 * When each catering business serves its meals, on the district's clock. Only catering owes the
 * after-service ledgers (餐饮服务: disinfecting tableware after use, keeping samples of what was
 * served); supermarkets, shops and stalls serve no meals. The hours are the usual ones of each
 * kind of kitchen, and the simulator's schedule falls inside them:
 *
 * | business type        | breakfast   | lunch       | dinner      |
 * |----------------------|-------------|-------------|-------------|
 * | restaurant           | —           | 11:00–14:00 | 17:00–21:00 |
 * | school_canteen       | 06:30–08:00 | 11:00–13:00 | —           |
 * | elderly_care_canteen | 06:30–08:00 | 10:30–12:30 | 16:00–18:00 |
 * | company_canteen      | —           | 11:00–13:30 | 17:00–19:30 |
 *
 * Each ledger is due MEAL_DUE_AFTER_MINUTES after its service ends.
 */
export const mealServices: Readonly<Record<string, readonly MealService[]>> = {
	restaurant: [
		{ meal: 'lunch', from: at(11), to: at(14) },
		{ meal: 'dinner', from: at(17), to: at(21) }
	],
	school_canteen: [
		{ meal: 'breakfast', from: at(6, 30), to: at(8) },
		{ meal: 'lunch', from: at(11), to: at(13) }
	],
	elderly_care_canteen: [
		{ meal: 'breakfast', from: at(6, 30), to: at(8) },
		{ meal: 'lunch', from: at(10, 30), to: at(12, 30) },
		{ meal: 'dinner', from: at(16), to: at(18) }
	],
	company_canteen: [
		{ meal: 'lunch', from: at(11), to: at(13, 30) },
		{ meal: 'dinner', from: at(17), to: at(19, 30) }
	]
};

/** Tableware is disinfected, and the meal's sample kept, within an hour of the service's end. */
export const MEAL_DUE_AFTER_MINUTES = 60;

/**
 * Who must keep a sample of every meal (留样): canteens always (学校、养老机构、单位食堂), and
 * restaurants only when large (大型餐馆); smaller restaurants are encouraged, not obliged.
 */
export function samplesRequired(businessType: string, scale: string): boolean {
	if (businessType === 'restaurant') return scale === 'large';
	return businessType in mealServices;
}

/** HH:mm of a minute of the day. */
export function formatMinuteOfDay(minute: number): string {
	const hh = String(Math.floor(minute / 60)).padStart(2, '0');
	return `${hh}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * The instants (epoch ms) a service of a local day starts and its ledgers fall due, read on the
 * district clock: on a daylight-saving day the wall times hold and the UTC instants move.
 */
export function serviceInstants(
	day: string,
	service: MealService,
	timeZone?: string
): { from: number; due: number } {
	return {
		from: localInstant(day, service.from, timeZone),
		due: localInstant(day, service.to + MEAL_DUE_AFTER_MINUTES, timeZone)
	};
}

// The clock asks the same few (day, minute) pairs for every merchant on every tick: reading a
// time zone costs microseconds, times thousands of merchants. Remember them (bounded).
const instants = new Map<string, number>();

function localInstant(day: string, minute: number, timeZone?: string): number {
	const key = `${timeZone ?? ''}|${day}|${minute}`;
	let instant = instants.get(key);
	if (instant === undefined) {
		instant = instantOfLocal(`${day}T${formatMinuteOfDay(minute)}`, timeZone) as number;
		if (instants.size >= 512) instants.clear();
		instants.set(key, instant);
	}
	return instant;
}
