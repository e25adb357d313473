import { describe, expect, it } from 'vitest';
import {
	recallPercent,
	recallProgressOf,
	type RecallNotice,
	type RecallStep
} from './recall-progress';

const notice = (merchantId: string, lotIds: string[]): RecallNotice => ({
	recallId: 'r1',
	merchantId,
	merchantName: merchantId,
	districtId: '370102',
	title: '牛奶召回',
	reason: '检出',
	level: '1',
	lots: [{ supplierId: 's1', batchNo: 'B1' }],
	merchantLotIds: lotIds,
	openedAt: '2026-03-06T00:00:00.000Z'
});
const step = (
	merchantId: string,
	kind: RecallStep['kind'],
	lotId = '',
	pulled = 0,
	at = '2026-03-06T01:00:00.000Z'
): RecallStep => ({
	merchantId,
	kind,
	lotId,
	pulled,
	disposition: kind === 'lot_accounted' ? 'destroyed' : '',
	occurredAt: at
});
const held = new Map([
	['a|la', 28.5],
	['b|lb', 10],
	['b|lb2', 0]
]);

describe('recall progress', () => {
	it('recall progress - nothing answered: 0 %', () => {
		const p = recallProgressOf([notice('a', ['la']), notice('b', ['lb', 'lb2'])], [], held)!;
		expect([p.merchants, p.merchantsDone, p.unitsAffected, p.unitsAccounted]).toEqual([
			2, 0, 38.5, 0
		]);
		expect(recallPercent(p)).toBe(0);
	});

	it('recall progress - a shop is done when every lot of its notice is accounted for', () => {
		const steps = [
			step('a', 'acknowledged'),
			step('a', 'lot_accounted', 'la', 28.5),
			step('b', 'lot_accounted', 'lb', 10)
		];
		const p = recallProgressOf([notice('a', ['la']), notice('b', ['lb', 'lb2'])], steps, held)!;
		expect(p.items.map((i) => [i.merchantId, i.done, i.acknowledgedAt !== null])).toEqual([
			['a', true, true],
			['b', false, false]
		]);
		expect([p.unitsAccounted, recallPercent(p)]).toEqual([38.5, 100]);
		const all = recallProgressOf(
			[notice('a', ['la']), notice('b', ['lb', 'lb2'])],
			[...steps, step('b', 'lot_accounted', 'lb2', 0)],
			held
		)!;
		expect([all.merchantsDone, all.closedAt]).toEqual([2, null]);
	});

	it('recall progress - reports add up (each pulls its own units); accounted stops at what the lot held', () => {
		const steps = [
			step('a', 'lot_accounted', 'la', 20, '2026-03-06T01:00:00.000Z'),
			step('a', 'lot_accounted', 'la', 8, '2026-03-06T02:00:00.000Z')
		];
		const p = recallProgressOf([notice('a', ['la'])], steps, held)!;
		expect(p.items[0]?.lots).toEqual([
			{ lotId: 'la', atOpening: 28.5, pulled: 28, disposition: 'destroyed' }
		]);
		expect([p.unitsAccounted, p.merchantsDone, recallPercent(p)]).toEqual([28, 0, 98]);
		const more = recallProgressOf(
			[notice('a', ['la'])],
			[...steps, step('a', 'lot_accounted', 'la', 5, '2026-03-06T03:00:00.000Z')],
			held
		)!;
		expect([more.items[0]?.lots[0]?.pulled, more.unitsAccounted, more.merchantsDone]).toEqual([
			33, 28.5, 1
		]);
	});

	it('recall progress - a report pulling nothing from a lot with stock accounts for nothing', () => {
		const p = recallProgressOf([notice('b', ['lb'])], [step('b', 'lot_accounted', 'lb', 0)], held)!;
		expect([p.unitsAccounted, p.merchantsDone, recallPercent(p)]).toEqual([0, 0, 0]);
	});

	it('recall progress - none left: the lot is done, its units stay unaccounted', () => {
		const noneLeft: RecallStep = {
			...step('b', 'lot_accounted', 'lb', 4),
			disposition: 'none_left'
		};
		const p = recallProgressOf([notice('b', ['lb'])], [noneLeft], held)!;
		expect([p.unitsAccounted, p.merchantsDone, recallPercent(p)]).toEqual([4, 1, 40]);
	});

	it('recall progress - a lot that held nothing is accounted by any report', () => {
		const p = recallProgressOf(
			[notice('b', ['lb2'])],
			[step('b', 'lot_accounted', 'lb2', 0)],
			held
		)!;
		expect([p.unitsAffected, p.merchantsDone, recallPercent(p)]).toEqual([0, 1, 100]);
	});

	it('recall progress - lots already sold out: by merchants; closed for all closes it', () => {
		const none = new Map<string, number>();
		const p = recallProgressOf(
			[notice('a', ['la']), notice('b', [])],
			[step('b', 'acknowledged')],
			none
		)!;
		expect([p.merchantsDone, recallPercent(p)]).toEqual([1, 50]);
		const closed = recallProgressOf([notice('a', ['la'])], [step('a', 'closed')], none)!;
		expect([closed.merchantsDone, closed.closedAt]).toEqual([1, '2026-03-06T01:00:00.000Z']);
		expect(recallProgressOf([], [], none)).toBeNull();
	});
});
