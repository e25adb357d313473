import type { BusinessType } from '../../src/lib/domain/index';
import type { Scale } from './model';

/** Restaurants dominate a Chinese city's register; canteens are few but closely watched. */
export const businessTypeMix: readonly (readonly [BusinessType, number])[] = [
	['restaurant', 0.45],
	['small_shop', 0.22],
	['market_stall', 0.12],
	['supermarket', 0.06],
	['school_canteen', 0.06],
	['company_canteen', 0.05],
	['elderly_care_canteen', 0.04]
];

export const scaleMix: Record<BusinessType, readonly (readonly [Scale, number])[]> = {
	restaurant: [
		['small', 0.65],
		['medium', 0.28],
		['large', 0.07]
	],
	school_canteen: [
		['small', 0.2],
		['medium', 0.6],
		['large', 0.2]
	],
	elderly_care_canteen: [
		['small', 0.5],
		['medium', 0.45],
		['large', 0.05]
	],
	company_canteen: [
		['small', 0.2],
		['medium', 0.55],
		['large', 0.25]
	],
	supermarket: [
		['small', 0.3],
		['medium', 0.45],
		['large', 0.25]
	],
	small_shop: [
		['small', 0.92],
		['medium', 0.08]
	],
	market_stall: [['small', 1]]
};

export const staffRange: Record<Scale, [number, number]> = {
	small: [1, 4],
	medium: [5, 12],
	large: [15, 40]
};

/** Share of merchants with fridges that report temperatures. */
export const deviceShare: Record<BusinessType, number> = {
	restaurant: 0.3,
	school_canteen: 0.9,
	elderly_care_canteen: 0.7,
	company_canteen: 0.6,
	supermarket: 0.8,
	small_shop: 0.1,
	market_stall: 0.05
};

export const licenceCategory: Record<BusinessType, 1 | 2 | 3> = {
	restaurant: 2,
	school_canteen: 3,
	elderly_care_canteen: 3,
	company_canteen: 3,
	supermarket: 1,
	small_shop: 1,
	market_stall: 1
};

export const scopes: Record<1 | 2 | 3, string> = {
	1: '预包装食品(含冷藏冷冻食品)销售;散装食品(含冷藏冷冻食品)销售',
	2: '热食类食品制售;冷食类食品制售',
	3: '热食类食品制售(单位食堂)'
};
