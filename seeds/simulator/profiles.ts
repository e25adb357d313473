import type { BusinessType } from '../../src/lib/domain/index';
import type { Scale } from '../generator/model';

/**
 * When things happen in a business day, by business type. Hours are simulated local time.
 * These are the knobs that make the wall look like a city: lunch and dinner peaks for
 * restaurants, meal times for canteens, the early market, shops open all day.
 */

/** [fromHour, toHour, relative weight] pieces; the day's total is normalised to 1. */
export type DayProfile = readonly (readonly [number, number, number])[];

const restaurantSales: DayProfile = [
	[6, 9, 0.4],
	[9, 11, 0.4],
	[11, 13.5, 5],
	[13.5, 17, 0.6],
	[17, 20.5, 4],
	[20.5, 23.5, 1],
	[23.5, 24, 0.1],
	[0, 2, 0.15]
];
const schoolSales: DayProfile = [
	[6.6, 7.7, 3],
	[11.5, 12.7, 6],
	[17, 18, 1]
];
const elderlySales: DayProfile = [
	[6.5, 7.5, 2],
	[11, 12, 4],
	[16.5, 17.5, 3]
];
const companySales: DayProfile = [
	[7.3, 8.6, 2],
	[11.5, 13, 6],
	[17.5, 19, 2],
	[19, 21, 0.3]
];
const supermarketSales: DayProfile = [
	[8, 11, 1],
	[11, 17, 0.8],
	[17, 20, 1.8],
	[20, 22, 0.7]
];
const shopSales: DayProfile = [
	[0, 6, 0.05],
	[6, 8, 0.6],
	[8, 17, 0.8],
	[17, 21, 1.2],
	[21, 24, 0.4]
];
const stallSales: DayProfile = [
	[5.5, 6.5, 1],
	[6.5, 9.5, 3],
	[9.5, 12, 1.5],
	[15, 18.5, 1.2]
];

export interface TypeProfile {
	/** Till sales per day for a small merchant; scaled by scaleFactor. */
	salesPerDay: number;
	sales: DayProfile;
	/** Morning check window [fromHour, toHour]; absent when the type keeps no 晨检 ledger. */
	morningCheck?: readonly [number, number];
	/** Disinfection windows after service. */
	disinfection: readonly (readonly [number, number])[];
	/** Meals a sample is kept for, with their windows; large restaurants only for restaurants. */
	sampleRetention: readonly (readonly ['breakfast' | 'lunch' | 'dinner', number, number])[];
	/** Purchases per day [min, max] and when deliveries arrive. */
	purchases: readonly [number, number];
	purchaseWindow: readonly [number, number];
}

export const profiles: Record<BusinessType, TypeProfile> = {
	restaurant: {
		salesPerDay: 70,
		sales: restaurantSales,
		morningCheck: [7.5, 9.5],
		disinfection: [
			[13.7, 14.6],
			[20.5, 21.8]
		],
		sampleRetention: [
			['lunch', 11.3, 12.3],
			['dinner', 17.3, 18.3]
		],
		purchases: [1, 3],
		purchaseWindow: [5.5, 8.5]
	},
	school_canteen: {
		salesPerDay: 120,
		sales: schoolSales,
		morningCheck: [6.3, 7.3],
		disinfection: [
			[8, 8.8],
			[12.8, 13.6]
		],
		sampleRetention: [
			['breakfast', 6.5, 7],
			['lunch', 11.2, 11.7]
		],
		purchases: [2, 3],
		purchaseWindow: [5, 7]
	},
	elderly_care_canteen: {
		salesPerDay: 50,
		sales: elderlySales,
		morningCheck: [6.3, 7.3],
		disinfection: [
			[8, 8.8],
			[12.3, 13.2],
			[18, 18.8]
		],
		sampleRetention: [
			['breakfast', 6.4, 7],
			['lunch', 10.8, 11.3],
			['dinner', 16.3, 16.8]
		],
		purchases: [1, 2],
		purchaseWindow: [5.5, 7.5]
	},
	company_canteen: {
		salesPerDay: 120,
		sales: companySales,
		morningCheck: [7, 8],
		disinfection: [
			[13.2, 14],
			[19.2, 20]
		],
		sampleRetention: [
			['lunch', 11.2, 11.8],
			['dinner', 17.2, 17.8]
		],
		purchases: [2, 3],
		purchaseWindow: [5.5, 7.5]
	},
	supermarket: {
		salesPerDay: 200,
		sales: supermarketSales,
		morningCheck: [7, 8.5],
		disinfection: [],
		sampleRetention: [],
		purchases: [2, 5],
		purchaseWindow: [5.5, 9]
	},
	small_shop: {
		salesPerDay: 90,
		sales: shopSales,
		disinfection: [],
		sampleRetention: [],
		purchases: [0, 1],
		purchaseWindow: [8, 11]
	},
	market_stall: {
		salesPerDay: 60,
		sales: stallSales,
		disinfection: [],
		sampleRetention: [],
		purchases: [1, 2],
		purchaseWindow: [4.5, 6]
	}
};

export const scaleFactor: Record<Scale, number> = { small: 0.6, medium: 1.3, large: 2.5 };

const totals = new WeakMap<DayProfile, number>();

/** Share of a day's activity that falls in [fromMinute, toMinute) of one day (0..1440). */
export function profileShare(profile: DayProfile, fromMinute: number, toMinute: number): number {
	let total = totals.get(profile);
	if (total === undefined) {
		total = profile.reduce((sum, [a, b, w]) => sum + (b - a) * 60 * w, 0);
		totals.set(profile, total);
	}
	let share = 0;
	for (const [a, b, w] of profile) {
		const overlap = Math.min(b * 60, toMinute) - Math.max(a * 60, fromMinute);
		if (overlap > 0) share += overlap * w;
	}
	return total > 0 ? share / total : 0;
}
