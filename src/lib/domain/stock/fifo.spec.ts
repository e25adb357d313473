import { describe, expect, it } from 'vitest';
import { allocateFifo, sellableQuantity, takeFromLot, type FifoLot } from './fifo';

const today = '2026-11-28';
const lot = (lotId: string, over: Partial<FifoLot> = {}): FifoLot => ({
	lotId,
	sku: 'pork',
	productName: '猪肉',
	expiresOn: '2026-12-05',
	receivedAt: '2026-11-20T08:00:00.000Z',
	remaining: 10,
	recallIds: [],
	...over
});

describe('allocateFifo', () => {
	it('stock - takes the first-expiring lot first and spills into the next', () => {
		const lots = [
			lot('late', { expiresOn: '2026-12-10' }),
			lot('soon', { expiresOn: '2026-11-30', remaining: 4 }),
			lot('mid', { expiresOn: '2026-12-01', remaining: 3 })
		];
		const a = allocateFifo(lots, 'pork', 9, today);
		expect(a).toEqual({
			ok: true,
			refused: [],
			lines: [
				expect.objectContaining({ lotId: 'soon', quantity: 4 }),
				expect.objectContaining({ lotId: 'mid', quantity: 3 }),
				expect.objectContaining({ lotId: 'late', quantity: 2 })
			]
		});
	});

	it('stock - the same expiry goes by the earlier intake', () => {
		const lots = [
			lot('b', { receivedAt: '2026-11-21T08:00:00.000Z' }),
			lot('a', { receivedAt: '2026-11-19T08:00:00.000Z' })
		];
		const a = allocateFifo(lots, 'pork', 1, today);
		expect(a.ok && a.lines.map((l) => l.lotId)).toEqual(['a']);
	});

	it('stock - skips expired, recalled and empty lots and says which it refused', () => {
		const lots = [
			lot('expired', { expiresOn: '2026-11-27' }),
			lot('recalled', { expiresOn: '2026-11-28', recallIds: ['r1'] }),
			lot('empty', { expiresOn: '2026-11-29', remaining: 0 }),
			// Selling on the expiry day itself is allowed.
			lot('lastDay', { expiresOn: '2026-11-28', remaining: 2 }),
			lot('ok', { expiresOn: '2026-12-01' }),
			lot('beef', { sku: 'beef', expiresOn: '2026-11-01' })
		];
		const a = allocateFifo(lots, 'pork', 3, today);
		expect(a.ok && a.lines.map((l) => [l.lotId, l.quantity])).toEqual([
			['lastDay', 2],
			['ok', 1]
		]);
		expect(a.refused).toEqual([
			{ lotId: 'expired', reason: 'expired' },
			{ lotId: 'recalled', reason: 'recalled' }
		]);
	});

	it('stock - short stock is an answer with what is there and what was refused', () => {
		const lots = [lot('ok', { remaining: 2 }), lot('r', { recallIds: ['r1'] })];
		expect(allocateFifo(lots, 'pork', 5, today)).toEqual({
			ok: false,
			reason: 'short',
			sku: 'pork',
			wanted: 5,
			available: 2,
			refused: [{ lotId: 'r', reason: 'recalled' }]
		});
		expect(allocateFifo([], 'pork', 1, today)).toMatchObject({ ok: false, available: 0 });
	});

	it('stock - decimal quantities leave no crumbs', () => {
		const lots = [
			lot('a', { remaining: 0.1 }),
			lot('b', { remaining: 0.2, expiresOn: '2026-12-06' })
		];
		const a = allocateFifo(lots, 'pork', 0.3, today);
		expect(a.ok && a.lines.map((l) => l.quantity)).toEqual([0.1, 0.2]);
	});
});

describe('takeFromLot', () => {
	const lots = [
		lot('ok'),
		lot('old', { expiresOn: '2026-11-01' }),
		lot('r', { recallIds: ['r1'] })
	];
	it('stock - a named lot is taken from when it may be sold and holds enough', () => {
		expect(takeFromLot(lots, 'pork', 'ok', 4, today)).toMatchObject({
			ok: true,
			line: { lotId: 'ok', quantity: 4, expiresOn: '2026-12-05' }
		});
		expect(takeFromLot(lots, 'pork', 'ok', 11, today)).toEqual({
			ok: false,
			refusal: { lotId: 'ok', reason: 'empty' }
		});
		expect(takeFromLot(lots, 'beef', 'ok', 1, today)).toMatchObject({
			refusal: { reason: 'other_sku' }
		});
		expect(takeFromLot(lots, 'pork', 'nope', 1, today)).toMatchObject({
			refusal: { reason: 'unknown' }
		});
	});

	it('stock - a recalled lot is refused always; an expired one unless a past sale is reported', () => {
		expect(takeFromLot(lots, 'pork', 'r', 1, today)).toMatchObject({
			refusal: { reason: 'recalled' }
		});
		expect(takeFromLot(lots, 'pork', 'r', 1, today, { allowExpired: true })).toMatchObject({
			refusal: { reason: 'recalled' }
		});
		expect(takeFromLot(lots, 'pork', 'old', 1, today)).toMatchObject({
			refusal: { reason: 'expired' }
		});
		expect(takeFromLot(lots, 'pork', 'old', 1, today, { allowExpired: true })).toMatchObject({
			ok: true
		});
	});
});

describe('sellableQuantity', () => {
	it('stock - the menu offers what FIFO may take: not recalled, not expired, expiring today still', () => {
		const lots = [
			lot('gone', { expiresOn: '2026-11-27', remaining: 5 }),
			lot('today', { expiresOn: today, remaining: 2 }),
			lot('recalled', { recallIds: ['r1'], remaining: 3 }),
			lot('fine', { remaining: 4 }),
			lot('other', { sku: 'beef', remaining: 9 })
		];
		expect(sellableQuantity(lots, 'pork', today)).toBe(6);
		expect(sellableQuantity(lots, 'lamb', today)).toBe(0);
	});
});
