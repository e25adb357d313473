import { describe, expect, it } from 'vitest';
import {
	matchesSupplierLot,
	supplierLotCondition,
	supplierLotOf,
	supplierLotQuery,
	supplierLotSearch
} from './supplier-lot';

const lot = { supplierId: 's1', batchNo: 'B1', sku: 'milk', productionDate: '2026-03-01' };

describe('supplier lot', () => {
	it('supplier lot - a batch number decides, with the product when named', () => {
		expect(matchesSupplierLot(lot, { supplierId: 's1', batchNo: 'B1' })).toBe(true);
		expect(matchesSupplierLot(lot, { supplierId: 's1', batchNo: 'B2' })).toBe(false);
		expect(matchesSupplierLot(lot, { supplierId: 's2', batchNo: 'B1' })).toBe(false);
		expect(matchesSupplierLot(lot, { supplierId: 's1', batchNo: 'B1', sku: 'egg' })).toBe(false);
	});

	it('supplier lot - without a batch, the product and its production date', () => {
		const key = { supplierId: 's1', sku: 'milk', productionDate: '2026-03-01' };
		expect(matchesSupplierLot({ ...lot, batchNo: null }, key)).toBe(true);
		expect(matchesSupplierLot(lot, key)).toBe(true);
		expect(matchesSupplierLot(lot, { ...key, productionDate: '2026-03-02' })).toBe(false);
	});

	it('supplier lot - a lot’s own key, and the SQL mirrors the match', () => {
		expect(supplierLotOf(lot)).toEqual({ supplierId: 's1', batchNo: 'B1' });
		expect(supplierLotOf({ ...lot, batchNo: '' })).toEqual({
			supplierId: 's1',
			sku: 'milk',
			productionDate: '2026-03-01'
		});
		expect(supplierLotCondition({ supplierId: 's1', batchNo: 'B1' })).toBe(
			'lots.supplierId = {supplierId:String} AND lots.batchNo = {batchNo:String}'
		);
	});

	it('supplier lot - the query string round-trips; a key without batch nor date is refused', () => {
		const key = { supplierId: 's1', sku: 'milk', productionDate: '2026-03-01' };
		const parsed = supplierLotQuery.parse(Object.fromEntries(supplierLotSearch(key)));
		expect(parsed).toEqual({ lot: key, limit: 1000, after: undefined });
		expect(supplierLotQuery.safeParse({ supplierId: 's1', sku: 'milk' }).success).toBe(false);
	});
});
