import { describe, expect, it } from 'vitest';
import { orderNumber, orderRequest, priceOrder, type MenuItem } from './table-order';

const menu: MenuItem[] = [
	{ sku: 'noodle', name: '牛肉面', category: 'prepared', unit: '碗', priceFen: 1800, left: 5 },
	{ sku: 'egg', name: '卤蛋', category: 'dairy_eggs', unit: '个', priceFen: 300, left: 1 }
];

describe('table order', () => {
	it('table order - priced from the menu, never from the request; repeated dishes add up', () => {
		const r = priceOrder(menu, {
			lines: [
				{ sku: 'noodle', quantity: 1 },
				{ sku: 'noodle', quantity: 1 },
				{ sku: 'egg', quantity: 1 }
			]
		});
		expect(r).toEqual({
			ok: true,
			lines: [
				{ sku: 'noodle', productName: '牛肉面', quantity: 2, unitPriceFen: 1800 },
				{ sku: 'egg', productName: '卤蛋', quantity: 1, unitPriceFen: 300 }
			],
			totalFen: 3900
		});
	});

	it('table order - refuses dishes sold out or not on the menu, naming each', () => {
		expect(
			priceOrder(menu, {
				lines: [
					{ sku: 'egg', quantity: 2 },
					{ sku: 'ghost', quantity: 1 }
				]
			})
		).toEqual({
			ok: false,
			problems: [
				{ sku: 'egg', name: '卤蛋', reason: 'sold_out', left: 1 },
				{ sku: 'ghost', name: 'ghost', reason: 'not_on_menu', left: 0 }
			]
		});
	});

	it('table order - the request is bounded; the order number is short', () => {
		expect(orderRequest.safeParse({ lines: [] }).success).toBe(false);
		expect(orderRequest.safeParse({ lines: [{ sku: 'egg', quantity: 21 }] }).success).toBe(false);
		expect(
			orderRequest.safeParse({ table: '<b>', lines: [{ sku: 'egg', quantity: 1 }] }).success
		).toBe(false);
		expect(orderNumber('0193a1b2-aaaa-7bbb-8ccc-00000000abcd')).toBe('00ABCD');
	});
});
