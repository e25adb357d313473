import { describe, expect, it } from 'vitest';
import { checklistFor, judgeChecklist, rectificationItems, type CheckedItem } from './checklist';

const answer = (
	type: Parameters<typeof checklistFor>[0],
	fails: string[] = [],
	na: string[] = []
) =>
	checklistFor(type).map((t): CheckedItem => ({
		itemId: t.id,
		outcome: fails.includes(t.id) ? 'fail' : na.includes(t.id) ? 'not_applicable' : 'pass'
	}));

describe('inspection checklist', () => {
	it('inspection - canteens check samples, restaurants do not, shops check shelves; ids unique', () => {
		const ids = (t: Parameters<typeof checklistFor>[0]) => checklistFor(t).map((i) => i.id);
		expect(ids('school_canteen')).toContain('samples_kept');
		expect(ids('restaurant')).not.toContain('samples_kept');
		expect(ids('supermarket')).toContain('no_expired_goods');
		for (const t of ['restaurant', 'school_canteen', 'market_stall'] as const) {
			expect(new Set(ids(t)).size).toBe(ids(t).length);
			expect(checklistFor(t).some((i) => i.key)).toBe(true);
		}
	});

	it('inspection - no finding is a pass; not applicable is an answer', () => {
		const template = checklistFor('restaurant');
		expect(judgeChecklist(template, answer('restaurant', [], ['pest_control']))).toEqual({
			ok: true,
			result: 'pass',
			keyFails: [],
			generalFails: []
		});
	});

	it('inspection - general findings up to the limit are 基本合格; one more, or any key item, 不合格', () => {
		const template = checklistFor('restaurant');
		const general = ['kitchen_clean', 'pest_control', 'waste_covered', 'cooked_thoroughly'];
		expect(judgeChecklist(template, answer('restaurant', general.slice(0, 3))).ok && 'x').toBe('x');
		const three = judgeChecklist(template, answer('restaurant', general.slice(0, 3)));
		expect(three.ok && three.result).toBe('rectify');
		const four = judgeChecklist(template, answer('restaurant', general));
		expect(four.ok && four.result).toBe('fail');
		const key = judgeChecklist(template, answer('restaurant', ['tableware_disinfected']));
		expect(key).toMatchObject({ ok: true, result: 'fail', keyFails: ['tableware_disinfected'] });
	});

	it('inspection - an incomplete or foreign checklist is refused, naming the items', () => {
		const template = checklistFor('restaurant');
		const partial = answer('restaurant').slice(1);
		expect(
			judgeChecklist(template, [...partial, { itemId: 'samples_kept', outcome: 'pass' }])
		).toEqual({
			ok: false,
			missing: ['licence_displayed'],
			unknown: ['samples_kept']
		});
	});

	it('inspection - findings become rectification items, key ones due sooner', () => {
		const template = checklistFor('school_canteen');
		const j = judgeChecklist(template, answer('school_canteen', ['samples_kept', 'pest_control']));
		if (!j.ok) throw new Error('expected a judgement');
		expect(rectificationItems(template, j, '2026-12-30')).toEqual([
			{ itemId: 'samples_kept', key: true, dueOn: '2027-01-06' },
			{ itemId: 'pest_control', key: false, dueOn: '2027-01-14' }
		]);
	});
});
