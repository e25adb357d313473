import { describe, expect, it } from 'vitest';
import type { FifoLot } from './fifo';
import { hasRecalled, resolveSale, type CatalogueEntry } from './sale';

const today = '2026-11-28';
const lot = (lotId: string, over: Partial<FifoLot> = {}): FifoLot => ({
	lotId,
	sku: 'pork',
	productName: '猪肉',
	expiresOn: '2026-12-05',
	receivedAt: '2026-11-20T08:00:00.000Z',
	remaining: 5,
	recallIds: [],
	...over
});
const catalogue = new Map<string, CatalogueEntry>([
	['pork', { sku: 'pork', name: '鲜猪肉', priceFen: 2_600 }],
	['tea', { sku: 'tea', name: '茶' }]
]);

describe('resolveSale', () => {
	it('stock - lines of one product share the lots; prices and total in fen', () => {
		const lots = [lot('a', { expiresOn: '2026-11-30' }), lot('b')];
		const s = resolveSale(
			[
				{ sku: 'pork', quantity: 3 },
				{ sku: 'pork', quantity: 4, unitPriceFen: 2_000 }
			],
			lots,
			catalogue,
			today
		);
		expect(s).toEqual({
			ok: true,
			totalFen: 3 * 2_600 + 4 * 2_000,
			lines: [
				expect.objectContaining({ lotId: 'a', quantity: 3, productName: '鲜猪肉' }),
				expect.objectContaining({ lotId: 'a', quantity: 2, unitPriceFen: 2_000 }),
				expect.objectContaining({ lotId: 'b', quantity: 2, expiresOn: '2026-12-05' })
			]
		});
	});

	it('stock - a product without a price, short stock and a recalled named lot are problems per line', () => {
		const lots = [lot('a', { remaining: 1 }), lot('r', { recallIds: ['r1'] })];
		const s = resolveSale(
			[
				{ sku: 'tea', quantity: 1 },
				{ sku: 'pork', quantity: 2 },
				{ sku: 'pork', quantity: 1, lotId: 'r' }
			],
			lots,
			catalogue,
			today
		);
		expect(s.ok).toBe(false);
		if (s.ok) return;
		expect(s.problems.map((p) => [p.line, p.reason])).toEqual([
			[0, 'no_price'],
			[1, 'short'],
			[2, 'lot_refused']
		]);
		expect(hasRecalled(s.problems)).toBe(true);
	});

	it('stock - a POS may report a past sale from an expired lot it names, never from a recalled one', () => {
		const lots = [lot('old', { expiresOn: '2026-11-20' })];
		const asked = [{ sku: 'pork', quantity: 1, lotId: 'old' }];
		expect(resolveSale(asked, lots, catalogue, today).ok).toBe(false);
		expect(resolveSale(asked, lots, catalogue, today, { allowExpired: true })).toMatchObject({
			ok: true,
			lines: [{ lotId: 'old', expiresOn: '2026-11-20' }]
		});
		// Unnamed, FIFO never picks the expired lot.
		const fifo = resolveSale([{ sku: 'pork', quantity: 1 }], lots, catalogue, today, {
			allowExpired: true
		});
		expect(fifo).toMatchObject({ ok: false, problems: [{ reason: 'short' }] });
	});
});
