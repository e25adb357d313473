import type { symptom } from '../../src/lib/domain/index';
import { expiredLot, freshLot, type Lot } from '../generator/lots';
import type { Merchant, StockItem } from '../generator/model';
import { purchasePayload } from '../generator/seed-events';
import type { Rng } from '../generator/rng';
import { BACKFILL_DAYS, ledgerHabit, MADE_UP_TEMPERATURE_C } from './habits';
import type { PlannedAction } from './plan';
import { nextId, type SimEvent, type SimState } from './state';

type Symptom = (typeof symptom.options)[number];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** When an event happened: the real instant, as epoch ms and ISO text. */
export interface At {
	ms: number;
	iso: string;
}

const base = (state: SimState, m: Merchant) => ({
	merchantId: m.id,
	districtId: m.districtId,
	actor: state.actor
});

function manager(m: Merchant): string {
	return m.staff[0]?.name ?? m.contact.name;
}

/** 晨检: every rostered person, temperature and symptoms, fit for work or not. */
export function morningCheck(state: SimState, rng: Rng, m: Merchant, at: At): SimEvent {
	const bad = m.misconduct;
	const habit = ledgerHabit(m);
	// A made-up book has everyone at the same, normal temperature.
	const madeUp = habit === 'same_temperatures' || habit === 'backfills';
	const entries = m.staff.map((s) => {
		const present = rng.chance(0.93);
		const measured = Math.round((36.5 + rng.normal() * 0.25) * 10) / 10;
		const temperatureC = madeUp ? MADE_UP_TEMPERATURE_C : measured;
		const symptoms: Symptom[] =
			present && rng.chance(bad ? 0.04 : 0.01)
				? [rng.pick(['cough', 'hand_wound', 'sore_throat', 'diarrhoea'] as const)]
				: [];
		const fit = present && symptoms.length === 0 && temperatureC < 37.3;
		// A badly run kitchen writes the sick cook down as fit anyway.
		const fitForWork = fit || (present && bad && rng.chance(0.5));
		return {
			staffId: s.id,
			staffName: s.name,
			present,
			...(present ? { temperatureC } : {}),
			symptoms,
			fitForWork
		};
	});
	return {
		...base(state, m),
		type: 'ledger.morning_check.recorded',
		occurredAt: at.iso,
		payload: { checkedBy: manager(m), entries }
	};
}

/** After every service the tableware (what the absence rule asks for), by one of these. */
const tablewareKinds = [
	['tableware', '餐饮具', 'heat'],
	['tableware', '餐饮具', 'steam'],
	['tableware', '餐饮具', 'chemical']
] as const;
/** Now and then the kitchen or its tools too. */
const otherKinds = [
	['area', '后厨操作间', 'chemical'],
	['equipment', '砧板刀具', 'uv']
] as const;

/** 消毒 after a service: the tableware, sometimes also an area or tools. */
export function disinfections(
	state: SimState,
	rng: Rng,
	m: Merchant,
	at: At,
	short: boolean
): SimEvent[] {
	const runs = [disinfection(state, rng, m, at, short, rng.pick(tablewareKinds))];
	if (rng.chance(0.3)) runs.push(disinfection(state, rng, m, at, short, rng.pick(otherKinds)));
	return runs;
}

/** 消毒: recorded when it ends; a short run is what a careless kitchen writes down. */
function disinfection(
	state: SimState,
	rng: Rng,
	m: Merchant,
	at: At,
	short: boolean,
	[target, item, method]: (typeof tablewareKinds | typeof otherKinds)[number]
): SimEvent {
	const minutes = short ? rng.int(2, 4) : rng.int(15, 40);
	return {
		...base(state, m),
		type: 'ledger.disinfection.recorded',
		occurredAt: at.iso,
		payload: {
			target,
			item,
			method,
			startedAt: new Date(at.ms - minutes * MINUTE).toISOString(),
			endedAt: at.iso,
			operator: rng.pick(m.staff).name
		}
	};
}

/** 留样: ≥125 g of each dish kept 48 hours; a light sample is a finding. */
export function sampleRetention(
	state: SimState,
	rng: Rng,
	m: Merchant,
	at: At,
	meal: 'breakfast' | 'lunch' | 'dinner',
	light: boolean
): SimEvent {
	return {
		...base(state, m),
		type: 'ledger.sample_retention.recorded',
		occurredAt: at.iso,
		payload: {
			meal,
			dish: m.menu.length > 0 ? rng.pick(m.menu).name : '营养套餐',
			weightG: light ? rng.int(50, 110) : rng.int(125, 200),
			storedAt: at.iso,
			keeper: rng.pick(m.staff).name,
			destroyAfter: new Date(at.ms + 48 * 60 * MINUTE).toISOString()
		}
	};
}

/**
 * The morning checks of the past BACKFILL_DAYS days, written now: each claims its day (about
 * this time of day, days ago), all are recorded at this sitting.
 */
export function backfilledChecks(state: SimState, rng: Rng, m: Merchant, at: At): SimEvent[] {
	const checks: SimEvent[] = [];
	for (let days = BACKFILL_DAYS; days >= 1; days--) {
		const ms = at.ms - days * DAY - rng.int(0, 90) * MINUTE;
		checks.push(morningCheck(state, rng, m, { ms, iso: new Date(ms).toISOString() }));
	}
	return checks;
}

/** A lot arrives: it becomes the one on the shelf for its SKU. */
export function restock(
	state: SimState,
	rng: Rng,
	m: Merchant,
	item: StockItem,
	at: At,
	today: string
): { event: SimEvent; lot: Lot } {
	const name = state.supplierNames.get(item.supplierId) ?? '未知供应商';
	const lot = freshLot(rng, m, item, name, nextId(state, m.id), today);
	state.stock.get(m.id)?.current.set(lot.sku, lot);
	return { event: purchaseEvent(state, m, lot, at), lot };
}

/** A badly run shop turns up stock that is already past its date, and keeps it for sale. */
export function staleLot(
	state: SimState,
	rng: Rng,
	m: Merchant,
	at: At,
	today: string
): SimEvent | undefined {
	const stock = state.stock.get(m.id);
	if (!stock || stock.sellable.length === 0) return undefined;
	const item = rng.pick(stock.sellable);
	const name = state.supplierNames.get(item.supplierId) ?? '未知供应商';
	const lot = expiredLot(rng, m, item, name, nextId(state, m.id), today);
	stock.expired.push(lot);
	if (stock.expired.length > 3) stock.expired.shift();
	return purchaseEvent(state, m, lot, at);
}

function purchaseEvent(state: SimState, m: Merchant, lot: Lot, at: At): SimEvent {
	return {
		...base(state, m),
		type: 'ledger.purchase.recorded',
		occurredAt: at.iso,
		payload: purchasePayload(lot)
	};
}

/** The events of one planned ledger action. */
export function ledgerEvents(
	state: SimState,
	rng: Rng,
	action: PlannedAction,
	at: At,
	today: string
): SimEvent[] {
	const m = action.merchant;
	switch (action.kind) {
		case 'morning_check':
			return [morningCheck(state, rng, m, at)];
		case 'backfill':
			return backfilledChecks(state, rng, m, at);
		case 'disinfection':
			return disinfections(state, rng, m, at, action.short);
		case 'sample_retention':
			return [sampleRetention(state, rng, m, at, action.meal, action.light)];
		case 'purchase':
			return [restock(state, rng, m, rng.pick(m.stock), at, today).event];
		case 'expired_lot': {
			const event = staleLot(state, rng, m, at, today);
			return event ? [event] : [];
		}
	}
}
