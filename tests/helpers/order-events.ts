import type { ProductCategory } from '../../src/lib/domain/events/stock';
import { makeEvent } from '../../src/lib/server/backbone/publisher';

// A shop with a menu and stock, for scan-to-order (扫码点餐): priced products, lots bought for
// them, and what else moves a lot (a recall).

const owner = { kind: 'merchant' as const, id: 'own-ab' };

/** A product on the menu (priceFen) or off it (no price / retired). */
export function product(
	merchantId: string,
	sku: string,
	name: string,
	priceFen: number | undefined,
	{
		retired = false,
		districtId = '370102',
		category = 'prepared' as ProductCategory
	}: { retired?: boolean; districtId?: string; category?: ProductCategory } = {}
) {
	return makeEvent({
		type: 'stock.product.upserted',
		merchantId,
		districtId,
		actor: owner,
		payload: {
			sku,
			name,
			category,
			shelfLifeDays: 3,
			storage: 'chilled',
			unit: '份',
			...(priceFen !== undefined ? { priceFen } : {}),
			...(retired ? { retired } : {})
		}
	});
}

/** A lot of `sku` bought in: `quantity` units expiring on `expiresOn`. */
export function lotOf(
	merchantId: string,
	lotId: string,
	sku: string,
	quantity: number,
	expiresOn: string,
	districtId = '370102'
) {
	return makeEvent({
		type: 'ledger.purchase.recorded',
		merchantId,
		districtId,
		actor: owner,
		payload: {
			lotId,
			supplierId: 'sup-1',
			supplierName: '济南鲜达食品有限公司',
			sku,
			productName: sku,
			quantity,
			unit: '份',
			productionDate: '2026-01-01',
			expiresOn
		}
	});
}

/** A recall naming this shop's lots. */
export function recallOf(
	merchantId: string,
	recallId: string,
	lotIds: string[],
	districtId = '370102'
) {
	return makeEvent({
		type: 'recall.opened',
		merchantId,
		districtId,
		actor: { kind: 'supervisor', id: 'sup-a' },
		payload: {
			recallId,
			title: '召回测试',
			reason: '检出致病菌',
			level: '1',
			lots: [{ supplierId: 'sup-1', batchNo: 'B1' }],
			merchantLotIds: lotIds,
			publicNotice: '本店已下架召回批次'
		}
	});
}

/** A date `days` from today (UTC day; the tests keep well clear of the boundary). */
export function daysFromNow(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
