import type { BusinessType, EventType, FsEvent } from '../../src/lib/domain/index';
import { makeEvent, type NewEvent } from '../../src/lib/server/backbone/publisher';
import { initialLots, sellableStock, type Lot } from '../generator/lots';
import type { Device, DemoDistrict, Merchant, StockItem } from '../generator/model';
import { createRng, hash32, type Rng } from '../generator/rng';
import { profiles, scaleFactor } from './profiles';
import type { DayPlan } from './plan';

/** One event the simulator wants published; makeEvent fills in id and times. */
export type SimEvent = { [T in EventType]: NewEvent<T> }[EventType];

/** The full event of a draft (fresh UUIDv7 id, recordedAt now); one type per member of the union. */
export function toEvent(draft: SimEvent, now: number): FsEvent {
	return makeEvent<EventType>(draft, now) as FsEvent;
}

export interface MerchantStock {
	/** The lot currently on the shelf, per SKU. */
	current: Map<string, Lot>;
	/** Expired lots a merchant with misconduct keeps selling from (newest last, a few at most). */
	expired: Lot[];
	sellable: StockItem[];
}

/** Merchants of one type with cumulative weights, to draw "who sells next" in O(log n). */
export interface WeightedMerchants {
	merchants: Merchant[];
	cumulative: Float64Array;
	total: number;
}

export interface SensorSlot {
	merchant: Merchant;
	device: Device;
	/** Offset as a fraction of the period, so devices do not all report on the same minute. */
	phase: number;
}

export interface SimCounters {
	expiredSaleLines: number;
	skippedMorningChecks: number;
	warmReadings: number;
}

export interface SimOptions {
	/** Distinguishes ids of lots and orders made by different runs of the simulator. */
	runTag: string;
	/** Minutes between two readings of one device. */
	sensorPeriodMinutes?: number;
	/** Expired lots a merchant with misconduct turns up per simulated day. */
	expiredLotsPerDay?: number;
}

export interface SimState {
	district: DemoDistrict;
	actor: { kind: 'simulator'; id: string };
	rng: Rng;
	runTag: string;
	sensorPeriodMinutes: number;
	expiredLotsPerDay: number;
	stock: Map<string, MerchantStock>;
	supplierNames: Map<string, string>;
	sellers: Map<BusinessType, WeightedMerchants>;
	complainers: WeightedMerchants;
	sensors: SensorSlot[];
	plans: Map<number, DayPlan>;
	seq: number;
	counters: SimCounters;
}

function weightedList(merchants: Merchant[], weight: (m: Merchant) => number): WeightedMerchants {
	const cumulative = new Float64Array(merchants.length);
	let total = 0;
	merchants.forEach((m, i) => {
		total += weight(m);
		cumulative[i] = total;
	});
	return { merchants, cumulative, total };
}

/** Draws a merchant in proportion to its weight. */
export function drawMerchant(list: WeightedMerchants, rng: Rng): Merchant | undefined {
	const r = rng.next() * list.total;
	let lo = 0;
	let hi = list.cumulative.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((list.cumulative[mid] as number) > r) hi = mid;
		else lo = mid + 1;
	}
	return list.merchants[lo];
}

export const dailySales = (m: Merchant) =>
	profiles[m.businessType].salesPerDay * scaleFactor[m.scale];

/** The simulator's memory: stock lots per merchant, plans per simulated day, counters. */
export function createSimState(district: DemoDistrict, options: SimOptions): SimState {
	const stock = new Map<string, MerchantStock>();
	for (const m of district.merchants) {
		stock.set(m.id, { current: new Map(), expired: [], sellable: sellableStock(m) });
	}
	for (const lot of initialLots(district)) {
		const s = stock.get(lot.merchantId);
		if (!s) continue;
		if (lot.expiresOn < district.today) s.expired.push(lot);
		else s.current.set(lot.sku, lot);
	}
	const byType = new Map<BusinessType, Merchant[]>();
	for (const m of district.merchants) {
		const list = byType.get(m.businessType) ?? [];
		list.push(m);
		byType.set(m.businessType, list);
	}
	const sellers = new Map<BusinessType, WeightedMerchants>();
	for (const [type, list] of byType) sellers.set(type, weightedList(list, dailySales));

	return {
		district,
		actor: { kind: 'simulator', id: `sim-${district.seed}` },
		rng: createRng(district.seed).fork(`sim:${options.runTag}`),
		runTag: options.runTag,
		sensorPeriodMinutes: options.sensorPeriodMinutes ?? 15,
		expiredLotsPerDay: options.expiredLotsPerDay ?? 1,
		stock,
		supplierNames: new Map(district.suppliers.map((s) => [s.id, s.name])),
		sellers,
		// People complain about badly run places about ten times as often.
		complainers: weightedList(district.merchants, (m) => (m.misconduct ? 0.04 : 0.004)),
		sensors: district.merchants.flatMap((merchant) =>
			merchant.devices.map((device) => ({
				merchant,
				device,
				phase: (hash32(device.deviceId) % 10_000) / 10_000
			}))
		),
		plans: new Map(),
		seq: 0,
		counters: { expiredSaleLines: 0, skippedMorningChecks: 0, warmReadings: 0 }
	};
}

/** A fresh id part: the run tag keeps ids of two runs apart, the sequence within a run. */
export function nextId(state: SimState, prefix: string): string {
	state.seq++;
	return `${prefix}-${state.runTag}-${state.seq.toString(36)}`;
}
