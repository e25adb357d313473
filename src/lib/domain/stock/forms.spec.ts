import { describe, expect, it } from 'vitest';
import { movementFromForm, productFromForm, supplierFromForm } from './forms';

describe('stock forms', () => {
	it('stock - a product form gives its payload with the price in fen, or the fields to fix', () => {
		const ok = productFromForm({
			sku: 'pork-1',
			name: '猪肉',
			category: 'meat',
			shelfLifeDays: '3',
			storage: 'chilled',
			unit: '千克',
			price: '26.5'
		});
		expect(ok).toEqual({
			ok: true,
			value: expect.objectContaining({ sku: 'pork-1', shelfLifeDays: 3, priceFen: 2_650 })
		});
		const bad = productFromForm({
			sku: 'a b',
			name: '',
			category: 'x',
			shelfLifeDays: '0',
			storage: 'chilled',
			unit: '个',
			price: '1.234'
		});
		expect(bad).toEqual({
			ok: false,
			fields: ['sku', 'name', 'category', 'shelfLifeDays', 'priceFen']
		});
	});

	it('stock - a supplier contact needs both name and phone', () => {
		expect(supplierFromForm({ name: '鲜达', licenceNo: 'JY1', contactName: '王' }, 's1')).toEqual({
			ok: false,
			fields: ['contact']
		});
		expect(supplierFromForm({ name: '鲜达', licenceNo: 'JY1' }, 's1')).toMatchObject({ ok: true });
	});

	it('stock - a movement names a known lot; only an adjustment may be negative', () => {
		const sku = (l: string) => (l === 'lot1' ? 'pork' : undefined);
		const f = { lotId: 'lot1', kind: 'waste', quantity: '2', reason: '变质' };
		expect(movementFromForm(f, 'm1', sku)).toMatchObject({
			ok: true,
			value: { sku: 'pork', quantity: 2 }
		});
		expect(movementFromForm({ ...f, quantity: '-2' }, 'm1', sku)).toEqual({
			ok: false,
			fields: ['quantity']
		});
		expect(movementFromForm({ ...f, kind: 'adjustment', quantity: '-2' }, 'm1', sku).ok).toBe(true);
		expect(movementFromForm({ ...f, lotId: 'nope' }, 'm1', sku)).toEqual({
			ok: false,
			fields: ['sku']
		});
		expect(movementFromForm({ ...f, kind: 'recall_pull' }, 'm1', sku)).toMatchObject({ ok: false });
	});
});
