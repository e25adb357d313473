import { describe, expect, it } from 'vitest';
import { toCsv, traceExportColumns, traceExportRows } from './trace-export';
import type { LotAccount } from './contracts';

const item: LotAccount = {
	merchantId: 'm1',
	merchantName: '甲店',
	merchantAddress: '历下区泉城路 1 号',
	districtId: '370102',
	lotId: 'lot-1',
	sku: 'milk',
	productName: '鲜牛奶',
	supplierId: 's1',
	supplierName: '鲜达',
	batchNo: 'B1',
	unit: '盒',
	productionDate: '2026-03-01',
	expiresOn: '2026-03-15',
	receivedAt: '2026-03-02T17:00:00.000Z',
	received: 40,
	sold: 8.5,
	wasted: 3,
	returned: 0,
	pulled: 0,
	adjusted: 0,
	remaining: 28.5,
	firstSoldAt: '2026-03-03T02:00:00.000Z',
	lastSoldAt: null,
	recallIds: []
};

describe('trace export', () => {
	it('trace export - one row per lot with the key data elements, days on the districts’ clock', () => {
		const [row] = traceExportRows([item], () => ({
			name: '甲店',
			address: '泉城路1号',
			district: '历下区'
		}));
		expect(row).toHaveLength(traceExportColumns.length);
		expect(row).toEqual([
			'lot-1',
			'鲜牛奶 (milk)',
			40,
			'盒',
			'2026-03-03',
			8.5,
			'2026-03-03',
			'',
			28.5,
			'甲店',
			'泉城路1号',
			'历下区',
			'鲜达 (s1)',
			'B1',
			'2026-03-01',
			'2026-03-15'
		]);
	});

	it('trace export - CSV quotes what needs it and defuses formulas', () => {
		const csv = toCsv(
			['a', 'b'],
			[
				['x,y', '=1+1'],
				['say "hi"', -3]
			]
		);
		expect(csv).toBe('\uFEFFa,b\r\n"x,y",\'=1+1\r\n"say ""hi""",-3\r\n');
	});
});
