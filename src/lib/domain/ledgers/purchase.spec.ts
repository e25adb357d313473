import { describe, expect, it } from 'vitest';
import { attachmentIdOf, attachmentId } from '../attachments';
import { purchaseRecorded } from '../events/ledger';
import { uuidv7 } from '../ids';
import { parsePurchaseForm } from './purchase-form';
import {
	expiryOf,
	lotIdOf,
	recentSuppliers,
	shelfLifeOf,
	skuOf,
	stableHash,
	supplierIdOf,
	supplierOf
} from './purchase';

const good = {
	supplierName: '济南鲜丰蔬菜批发',
	productName: '鲜鸡蛋',
	batchNo: 'B20261120',
	quantity: '30',
	unit: '斤',
	productionDate: '2026-11-20',
	shelfLifeDays: '30',
	expiresOn: ''
};

describe('purchase', () => {
	it('purchase - supplier and product ids are city-wide and ignore width, case and spaces', () => {
		const a = supplierIdOf('济南 ＡＢＣ 粮油');
		expect(a).toMatch(/^sup-[0-9a-f]{16}$/);
		expect(supplierIdOf('济南abc粮油')).toBe(a);
		// Two shops typing the same supplier get the same id (a recall reaches both).
		expect(supplierOf('m-a', '济南abc粮油', []).supplierId).toBe(
			supplierOf('m-b', '济南 ＡＢＣ 粮油', []).supplierId
		);
		expect(skuOf('鲜鸡蛋')).toMatch(/^sku-[0-9a-f]{16}$/);
		expect(skuOf('鲜 鸡蛋')).toBe(skuOf('鲜鸡蛋'));
		expect(skuOf('鲜鸡蛋')).not.toBe(skuOf('鸭蛋'));
	});

	it('purchase - the same delivery is the same lot; another day or batch is another', () => {
		const d = {
			merchantId: 'm-a',
			supplierId: 'sup-1',
			sku: 'sku-1',
			batchNo: 'B1',
			productionDate: '2026-11-20',
			receivedOn: '2026-11-28'
		};
		expect(lotIdOf(d)).toBe(lotIdOf({ ...d }));
		expect(lotIdOf(d)).toMatch(/^lot-[0-9a-f]{16}$/);
		expect(lotIdOf({ ...d, receivedOn: '2026-11-29' })).not.toBe(lotIdOf(d));
		expect(lotIdOf({ ...d, batchNo: 'B2' })).not.toBe(lotIdOf(d));
	});

	it('purchase - shelf life and expiry convert both ways, the production day counting', () => {
		expect(expiryOf('2026-11-20', 7)).toBe('2026-11-26');
		expect(shelfLifeOf('2026-11-20', '2026-11-26')).toBe(7);
		expect(expiryOf('2026-02-27', 3)).toBe('2026-03-01');
	});

	it('purchase - a picked supplier keeps its id; a new one gets a derived id', () => {
		const known = [{ supplierId: 'sup-seed-7', supplierName: '鲜丰 蔬菜' }];
		expect(supplierOf('m-a', '鲜丰蔬菜', known).supplierId).toBe('sup-seed-7');
		expect(supplierOf('m-a', '新供应商', known).supplierId).toBe(supplierIdOf('新供应商'));
	});

	it('purchase - a supplier under the old per-shop derived id moves to the city-wide id', () => {
		const legacy = `sup-${stableHash('m-a\n鲜丰蔬菜')}`;
		const known = [{ supplierId: legacy, supplierName: '鲜丰蔬菜' }];
		expect(supplierOf('m-a', '鲜丰蔬菜', known).supplierId).toBe(supplierIdOf('鲜丰蔬菜'));
	});

	it('purchase - recent suppliers are the latest first, once each, bad payloads skipped', () => {
		const p = (supplierId: string, supplierName: string) => ({
			lotId: 'l1',
			supplierId,
			supplierName,
			sku: 's1',
			productName: '米',
			quantity: 1,
			unit: '袋',
			productionDate: '2026-11-01',
			expiresOn: '2027-11-01'
		});
		const picks = recentSuppliers([p('s-b', '乙'), { junk: true }, p('s-a', '甲'), p('s-b', '乙')]);
		expect(picks.map((x) => x.supplierId)).toEqual(['s-b', 's-a']);
	});

	it('purchase - a good form computes the expiry from the shelf life', () => {
		const r = parsePurchaseForm(good, '2026-11-28');
		expect(r).toEqual({
			ok: true,
			value: expect.objectContaining({ expiresOn: '2026-12-19', quantity: 30 })
		});
	});

	it('purchase - every problem is reported on its own field', () => {
		const r = parsePurchaseForm(
			{ ...good, supplierName: ' ', quantity: 'abc', productionDate: '2026-12-01' },
			'2026-11-28'
		);
		expect(r).toEqual({
			ok: false,
			problems: { supplierName: 'required', quantity: 'number', productionDate: 'future' }
		});
	});

	it('purchase - expired goods and an expiry before production are refused', () => {
		const at = (expiresOn: string) =>
			parsePurchaseForm({ ...good, shelfLifeDays: '', expiresOn }, '2026-11-28');
		expect(at('2026-11-27')).toEqual({ ok: false, problems: { expiresOn: 'expired' } });
		expect(at('2026-11-19')).toEqual({ ok: false, problems: { expiresOn: 'before_production' } });
		expect(at('2026-11-28').ok).toBe(true);
		expect(parsePurchaseForm({ ...good, shelfLifeDays: '' }, '2026-11-28')).toEqual({
			ok: false,
			problems: { expiresOn: 'shelf_life' }
		});
	});

	it('purchase - old events without attachments stay valid; ids are checked', () => {
		const base = {
			lotId: 'l1',
			supplierId: 's1',
			supplierName: '甲',
			sku: 'k1',
			productName: '米',
			quantity: 1,
			unit: '袋',
			productionDate: '2026-11-01',
			expiresOn: '2027-11-01'
		};
		expect(purchaseRecorded.safeParse(base).success).toBe(true);
		const id = attachmentIdOf(uuidv7());
		expect(attachmentId.safeParse(id).success).toBe(true);
		expect(purchaseRecorded.safeParse({ ...base, attachmentIds: [id] }).success).toBe(true);
		expect(purchaseRecorded.safeParse({ ...base, attachmentIds: ['../x'] }).success).toBe(false);
		expect(purchaseRecorded.safeParse({ ...base, attachmentIds: [id, id, id, id] }).success).toBe(
			false
		);
	});
});
