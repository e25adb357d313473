import type { Lot } from '../generator/lots';
import type { Merchant, StockItem } from '../generator/model';
import type { Product } from '../generator/catalogue';
import type { Rng } from '../generator/rng';
import { restock, type At } from './ledgers';
import { nextId, type SimEvent, type SimState } from './state';

interface Line {
	sku: string;
	productName: string;
	lotId: string;
	expiresOn: string;
	quantity: number;
	unitPriceFen: number;
}

const canteens = new Set(['school_canteen', 'elderly_care_canteen', 'company_canteen']);

/** Share of a misconduct merchant's sales that include a unit from an expired lot. */
export const EXPIRED_LINE_SHARE = 0.1;

function quantity(rng: Rng, unit: string): number {
	return unit === 'kg' || unit === 'L' ? rng.int(3, 25) / 10 : rng.int(1, 3);
}

function line(rng: Rng, product: Product, lotId: string, expiresOn: string): Line {
	return {
		sku: product.sku,
		productName: product.name,
		lotId,
		expiresOn,
		quantity: quantity(rng, product.unit),
		unitPriceFen: product.priceFen
	};
}

/**
 * The lot a unit comes from. A good merchant never sells past the date: when the shelf
 * lot has expired it takes in a fresh lot first (and that purchase is an event too).
 */
function shelfLot(
	state: SimState,
	rng: Rng,
	m: Merchant,
	item: StockItem,
	at: At,
	today: string,
	out: SimEvent[]
): Lot {
	const current = state.stock.get(m.id)?.current.get(item.product.sku);
	if (current && current.expiresOn >= today) return current;
	const { event, lot } = restock(state, rng, m, item, at, today);
	out.push(event);
	return lot;
}

/**
 * One till sale of a merchant: dishes from today's kitchen batch or units from the shelf
 * lots. Returns the sale, preceded by any restocking it needed.
 */
export function tillSale(
	state: SimState,
	rng: Rng,
	m: Merchant,
	at: At,
	today: string
): SimEvent[] {
	const out: SimEvent[] = [];
	const lines: Line[] = [];
	const stock = state.stock.get(m.id);
	const sellable = stock?.sellable ?? [];
	if (m.menu.length > 0) {
		// The kitchen's batch of the day stands in for a lot: cooked and eaten today.
		const batch = `${m.id}-k${today.replaceAll('-', '')}`;
		const dishes = canteens.has(m.businessType) ? 1 : rng.int(1, 4);
		for (let i = 0; i < dishes; i++) lines.push(line(rng, rng.pick(m.menu), batch, today));
		if (sellable.length > 0 && rng.chance(0.2)) {
			const item = rng.pick(sellable);
			const lot = shelfLot(state, rng, m, item, at, today, out);
			lines.push(line(rng, item.product, lot.lotId, lot.expiresOn));
		}
	} else if (sellable.length > 0) {
		const count = m.businessType === 'market_stall' ? rng.int(1, 2) : rng.int(1, 4);
		for (let i = 0; i < count; i++) {
			const item = rng.pick(sellable);
			const lot = shelfLot(state, rng, m, item, at, today, out);
			lines.push(line(rng, item.product, lot.lotId, lot.expiresOn));
		}
	}
	if (lines.length === 0) return out;

	const expired = stock?.expired ?? [];
	if (m.misconduct && expired.length > 0 && rng.chance(EXPIRED_LINE_SHARE)) {
		const lot = rng.pick(expired);
		const item = sellable.find((s) => s.product.sku === lot.sku);
		if (item) {
			lines.push(line(rng, item.product, lot.lotId, lot.expiresOn));
			state.counters.expiredSaleLines++;
		}
	}

	const totalFen = lines.reduce((sum, l) => sum + Math.round(l.quantity * l.unitPriceFen), 0);
	const payment = canteens.has(m.businessType)
		? rng.weighted([
				['member', 0.85],
				['mobile', 0.15]
			] as const)
		: rng.weighted([
				['mobile', 0.75],
				['cash', 0.1],
				['card', 0.05],
				['member', 0.1]
			] as const);
	out.push({
		merchantId: m.id,
		districtId: m.districtId,
		actor: state.actor,
		type: 'till.sale.recorded',
		occurredAt: at.iso,
		payload: { orderId: nextId(state, 'o'), lines, totalFen, payment }
	});
	return out;
}
