import type { Product } from './catalogue';
import { addDays } from './dates';
import type { DemoDistrict, Merchant, StockItem } from './model';
import { createRng, type Rng } from './rng';

/** A stock lot as the purchase ledger records it (进货查验) and the till refers to it. */
export interface Lot {
	lotId: string;
	merchantId: string;
	sku: string;
	productName: string;
	supplierId: string;
	supplierName: string;
	quantity: number;
	unit: string;
	productionDate: string;
	expiresOn: string;
	/** The batch printed on the goods (批号): the supplier's product and production day. */
	batchNo: string;
	certificateRef: string;
}

/** A supplier's batch of a product made on a day: every shop it reached shares the number. */
const batchOf = (sku: string, productionDate: string) =>
	`L${productionDate.replaceAll('-', '')}-${sku}`;

/** Items a till sells straight from a lot (not dishes cooked on the day). */
export function sellableStock(merchant: Merchant): StockItem[] {
	return merchant.businessType === 'restaurant' || merchant.businessType === 'company_canteen'
		? merchant.stock.filter((s) => s.product.category === 'packaged')
		: merchant.stock.filter((s) => s.product.category !== 'ingredient');
}

export function purchaseQuantity(rng: Rng, product: Product, merchant: Merchant): number {
	const factor = merchant.scale === 'large' ? 8 : merchant.scale === 'medium' ? 3 : 1;
	return product.unit === 'kg' || product.unit === 'L'
		? Math.round(rng.int(5, 30) * factor * 10) / 10
		: rng.int(12, 48) * factor;
}

/** A fresh lot produced a few days ago, still inside its shelf life on `today`. */
export function freshLot(
	rng: Rng,
	merchant: Merchant,
	item: StockItem,
	supplierName: string,
	lotId: string,
	today: string
): Lot {
	const { product } = item;
	const age = Math.min(rng.int(0, 2), Math.max(0, product.shelfLifeDays - 1));
	const productionDate = addDays(today, -age);
	return {
		lotId,
		merchantId: merchant.id,
		sku: product.sku,
		productName: product.name,
		supplierId: item.supplierId,
		supplierName,
		quantity: purchaseQuantity(rng, product, merchant),
		unit: product.unit,
		productionDate,
		expiresOn: addDays(productionDate, Math.max(1, product.shelfLifeDays) - 1),
		batchNo: batchOf(product.sku, productionDate),
		certificateRef: `JYZM${productionDate.replaceAll('-', '')}${rng.int(1000, 9999)}`
	};
}

/** A lot already past its expiry: what a badly run shop keeps on the shelf. */
export function expiredLot(
	rng: Rng,
	merchant: Merchant,
	item: StockItem,
	supplierName: string,
	lotId: string,
	today: string
): Lot {
	const lot = freshLot(rng, merchant, item, supplierName, lotId, today);
	const expiresOn = addDays(today, -rng.int(1, 6));
	const productionDate = addDays(expiresOn, -(Math.max(1, item.product.shelfLifeDays) - 1));
	return { ...lot, productionDate, expiresOn, batchNo: batchOf(lot.sku, productionDate) };
}

/**
 * The stock every merchant opens with: a fresh lot of everything its till sells (so the
 * first sales do not all trigger purchases) or, for a kitchen, of one or two ingredients;
 * and for a merchant with misconduct one expired lot of something it sells.
 * Deterministic for the district.
 */
export function initialLots(district: DemoDistrict): Lot[] {
	const supplierNames = new Map(district.suppliers.map((s) => [s.id, s.name]));
	const lots: Lot[] = [];
	for (const merchant of district.merchants) {
		const rng = createRng(district.seed).fork(`lots:${merchant.id}`);
		const name = (item: StockItem) => supplierNames.get(item.supplierId) ?? '未知供应商';
		let seq = 0;
		const nextId = () => `${merchant.id}-l${String(++seq).padStart(4, '0')}`;
		const sellable = sellableStock(merchant);
		const kitchen = merchant.stock
			.filter((s) => s.product.category === 'ingredient')
			.slice(0, rng.int(1, 2));
		for (const item of [...kitchen, ...sellable]) {
			lots.push(freshLot(rng, merchant, item, name(item), nextId(), district.today));
		}
		if (merchant.misconduct && sellable.length > 0) {
			const item = rng.pick(sellable);
			lots.push(expiredLot(rng, merchant, item, name(item), nextId(), district.today));
		}
	}
	return lots;
}
