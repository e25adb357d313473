import { describe, expect, it } from 'vitest';
import { productFromForm, supplierFromForm } from '$lib/domain/stock/forms';
import { translate, type Locale } from '$lib/i18n/translate';
import {
	movementLabels,
	productLabels,
	supplierLabels,
	wrongLabelKeys,
	type FieldLabels
} from './form-labels';

const named = (locale: Locale, fields: string[], labels: FieldLabels = productLabels) =>
	wrongLabelKeys(fields, labels).map((key) => translate(locale, key));

describe('shop stock form labels', () => {
	it('stock forms - a bad price is named by the price box, not by the payload field', () => {
		const refused = productFromForm({
			sku: 'pork-1',
			name: '猪肉',
			category: 'meat',
			shelfLifeDays: '3',
			storage: 'chilled',
			unit: '千克',
			price: '12,5'
		});
		expect(refused).toEqual({ ok: false, fields: ['priceFen'] });
		const fields = refused.ok ? [] : refused.fields;
		expect(named('zh-CN', fields)).toEqual(['菜单价格（元）']);
		expect(named('en', fields)).toEqual(['Menu price (yuan)']);
		const message = translate('zh-CN', 'shopStock.invalid', {
			count: 1,
			fields: named('zh-CN', fields).join('、')
		});
		expect(message).toContain('菜单价格（元）');
		expect(message).not.toContain('priceFen');
	});

	it('stock forms - a supplier contact without its phone names the contact boxes', () => {
		const refused = supplierFromForm({ name: '鲜达', licenceNo: 'JY1', contactName: '王' }, 's1');
		expect(named('zh-CN', refused.ok ? [] : refused.fields, supplierLabels)).toEqual([
			'联系人和电话'
		]);
	});

	it('stock forms - fields sharing a box are named once; a name of no box is the form', () => {
		expect(named('zh-CN', ['lotId', 'sku', 'quantity', 'formId', 'bogus'], movementLabels)).toEqual(
			['批次', '数量', '表单（请刷新页面再填）']
		);
		// Not the object's own keys: an inherited name is not a label.
		expect(named('en', ['constructor'])).toEqual([
			'the form (reload the page and fill it in again)'
		]);
	});
});
