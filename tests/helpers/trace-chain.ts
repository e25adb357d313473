import { makeEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from './events';

/**
 * A seeded chain for the trace tests: one supplier lot (济南鲜达, batch B-0417, 鲜牛奶) delivered
 * to three shops in two districts, sold (some to members), wasted, returned, adjusted and counted;
 * plus lots that must not be traced (another batch, another supplier). The expected figures are
 * worked out by hand in `expected` below.
 */
export const SUPPLIER = 'sup-xd';
export const BATCH = 'B-0417';
export const SKU = 'sku-milk';

const shop = { kind: 'merchant' as const, id: 'own-t' };

function purchase(
	merchantId: string,
	districtId: string,
	lotId: string,
	quantity: number,
	receivedAt: string,
	over: { batchNo?: string; supplierId?: string; supplierName?: string; sku?: string } = {}
) {
	return makeEvent({
		type: 'ledger.purchase.recorded',
		merchantId,
		districtId,
		actor: shop,
		occurredAt: receivedAt,
		payload: {
			lotId,
			supplierId: over.supplierId ?? SUPPLIER,
			supplierName: over.supplierName ?? '济南鲜达食品有限公司',
			sku: over.sku ?? SKU,
			productName: '鲜牛奶 1L',
			quantity,
			unit: '盒',
			productionDate: '2026-03-01',
			expiresOn: '2026-03-15',
			batchNo: over.batchNo ?? BATCH
		}
	});
}

function sale(
	merchantId: string,
	districtId: string,
	orderId: string,
	soldAt: string,
	lines: [lotId: string, quantity: number][],
	memberId?: string
) {
	return makeEvent({
		type: 'till.sale.recorded',
		merchantId,
		districtId,
		actor: { kind: 'device', id: 'till-1' },
		occurredAt: soldAt,
		payload: {
			orderId,
			lines: lines.map(([lotId, quantity]) => ({
				sku: SKU,
				productName: '鲜牛奶 1L',
				lotId,
				quantity,
				unitPriceFen: 1290
			})),
			totalFen: 1290,
			payment: 'mobile',
			...(memberId ? { memberId } : {})
		}
	});
}

export function movement(
	merchantId: string,
	districtId: string,
	movementId: string,
	lotId: string,
	kind: 'waste' | 'return' | 'adjustment' | 'count' | 'recall_pull',
	quantity: number,
	at: string,
	recallId?: string
) {
	return makeEvent({
		type: 'stock.movement.recorded',
		merchantId,
		districtId,
		actor: shop,
		occurredAt: at,
		payload: {
			movementId,
			lotId,
			sku: SKU,
			kind,
			quantity,
			reason: kind,
			...(recallId ? { recallId } : {})
		}
	});
}

export function traceChain() {
	return [
		registered('m-ta', '370102', '历下甲店'),
		registered('m-tb', '370102', '历下乙店'),
		registered('m-tc', '370103', '市中丙店'),
		purchase('m-ta', '370102', 'lot-a1', 40, '2026-03-02T01:00:00.000Z'),
		purchase('m-ta', '370102', 'lot-a2', 10, '2026-03-02T01:00:00.000Z', { batchNo: 'B-0501' }),
		purchase('m-tb', '370102', 'lot-b1', 25, '2026-03-02T02:00:00.000Z'),
		purchase('m-tb', '370102', 'lot-by', 8, '2026-03-01T02:00:00.000Z', {
			supplierId: 'sup-other',
			supplierName: '另一家供应商',
			batchNo: 'Y-1'
		}),
		purchase('m-tc', '370103', 'lot-c1', 30, '2026-03-02T03:00:00.000Z'),
		sale(
			'm-ta',
			'370102',
			'oa1',
			'2026-03-03T02:00:00.000Z',
			[
				['lot-a1', 2],
				['lot-a2', 1]
			],
			'mem-1'
		),
		sale('m-ta', '370102', 'oa2', '2026-03-04T02:00:00.000Z', [['lot-a1', 5]]),
		sale('m-ta', '370102', 'oa3', '2026-03-05T02:00:00.000Z', [['lot-a1', 1.5]], 'mem-2'),
		sale('m-tb', '370102', 'ob0', '2026-03-02T05:00:00.000Z', [['lot-by', 3]]),
		sale('m-tb', '370102', 'ob1', '2026-03-03T03:00:00.000Z', [['lot-b1', 10]], 'mem-3'),
		movement('m-tb', '370102', 'mv-b-count', 'lot-b1', 'count', 12, '2026-03-04T00:00:00.000Z'),
		sale('m-tb', '370102', 'ob2', '2026-03-05T03:00:00.000Z', [['lot-b1', 2]]),
		sale('m-tc', '370103', 'oc1', '2026-03-04T05:00:00.000Z', [['lot-c1', 4]]),
		sale('m-tc', '370103', 'oc2', '2026-03-06T05:00:00.000Z', [['lot-c1', 6]], 'mem-1'),
		movement('m-ta', '370102', 'mv-a-waste', 'lot-a1', 'waste', 3, '2026-03-04T08:00:00.000Z'),
		movement('m-tc', '370103', 'mv-c-return', 'lot-c1', 'return', 5, '2026-03-05T08:00:00.000Z'),
		movement('m-tc', '370103', 'mv-c-adj', 'lot-c1', 'adjustment', 1, '2026-03-05T09:00:00.000Z')
	];
}

/**
 * By hand. a1: 40 in; sold 2 + 5 + 1.5 = 8.5; wasted 3; left 28.5.
 * b1: 25 in; sold 10, then counted 12 (the book said 15: −3), then sold 2; left 10; sold 12.
 * c1: 30 in; sold 4 + 6 = 10; returned 5; adjusted +1; left 16.
 */
export const expected = {
	'lot-a1': {
		received: 40,
		sold: 8.5,
		wasted: 3,
		returned: 0,
		pulled: 0,
		adjusted: 0,
		remaining: 28.5
	},
	'lot-b1': {
		received: 25,
		sold: 12,
		wasted: 0,
		returned: 0,
		pulled: 0,
		adjusted: -3,
		remaining: 10
	},
	'lot-c1': {
		received: 30,
		sold: 10,
		wasted: 0,
		returned: 5,
		pulled: 0,
		adjusted: 1,
		remaining: 16
	},
	totals: {
		received: 95,
		sold: 30.5,
		wasted: 3,
		returned: 5,
		pulled: 0,
		adjusted: -2,
		remaining: 54.5
	}
};
