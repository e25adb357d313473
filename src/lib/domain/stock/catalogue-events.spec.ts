import { describe, expect, it } from 'vitest';
import { ordersAwaitingPayment } from './catalogue-events';

const ev = (type: string, occurredAt: string, payload: unknown) => ({
	id: occurredAt,
	type,
	occurredAt,
	payload
});

describe('catalogue', () => {
	it('stock - a table order awaits payment until a sale of the same order is recorded', () => {
		const order = (orderId: string) => ({
			orderId,
			lines: [{ sku: 'pork', productName: '猪肉', quantity: 1, unitPriceFen: 100 }],
			totalFen: 100,
			channel: 'table_qr'
		});
		const events = [
			ev('till.sale.recorded', '2026-11-28T03:00:00Z', {
				orderId: 'o1',
				lines: [{ sku: 'pork', productName: '猪肉', lotId: 'l1', quantity: 1, unitPriceFen: 100 }],
				totalFen: 100,
				payment: 'cash'
			}),
			ev('till.order.placed', '2026-11-28T02:00:00Z', order('o2')),
			ev('till.order.placed', '2026-11-28T01:00:00Z', order('o1'))
		];
		expect(ordersAwaitingPayment(events).map((o) => o.orderId)).toEqual(['o2']);
	});
});
