import { describe, expect, it } from 'vitest';
import { checklistFor } from './checklist';
import {
	inspectionPayload,
	inspectionSubmission,
	slotsOf,
	type InspectionSubmission
} from './submission';

const template = checklistFor('restaurant');
const att = (slot: string) => `att_${slot.length.toString(16).padStart(32, '0')}` as const;

function submission(over: Partial<InspectionSubmission> = {}, fails: string[] = []) {
	return inspectionSubmission.parse({
		inspectionId: 'insp-019ac0de-0000-7000-8000-000000000001',
		startedAt: '2026-11-28T01:00:00.000Z',
		completedAt: '2026-11-28T02:00:00.000Z',
		items: template.map((i) => ({
			itemId: i.id,
			outcome: fails.includes(i.id) ? 'fail' : 'pass',
			note: fails.includes(i.id) ? '地面油污' : '',
			photos: fails.includes(i.id) ? 2 : 0
		})),
		confirmedResult: 'pass',
		signer: '张三',
		...over
	});
}

describe('inspection submission', () => {
	it('inspections - an all-pass visit is 合格 with no rectification, photos named by slot', () => {
		const s = submission({}, []);
		const r = inspectionPayload(template, s, 'insp-a', '2026-11-28', att);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.payload.result).toBe('pass');
		expect(r.payload.rectification).toBeUndefined();
		expect(r.payload.findings).toEqual([]);
		expect(r.payload.signature).toEqual({ attachmentId: att('signature'), signer: '张三' });
		expect(r.payload.checklist).toHaveLength(template.length);
	});

	it('inspections - a general finding is 基本合格, rectified within 15 days by default', () => {
		const s = submission({ confirmedResult: 'rectify' }, ['kitchen_clean']);
		const r = inspectionPayload(template, s, 'insp-a', '2026-11-28', att);
		if (!r.ok) throw new Error(JSON.stringify(r.problem));
		expect(r.payload.result).toBe('rectify');
		expect(r.payload.rectification).toEqual({
			itemIds: ['kitchen_clean'],
			deadline: '2026-12-13T15:59:59.000Z'
		});
		const item = r.payload.checklist?.find((c) => c.itemId === 'kitchen_clean');
		expect(item?.attachmentIds).toEqual([att('item-kitchen_clean-1'), att('item-kitchen_clean-2')]);
		expect(r.payload.findings).toEqual([{ code: 'kitchen_clean', text: '地面油污' }]);
	});

	it('inspections - a key finding is 不合格 and the earliest deadline (7 days) holds for all', () => {
		const s = submission({ confirmedResult: 'fail' }, ['raw_cooked_separated', 'kitchen_clean']);
		const r = inspectionPayload(template, s, 'insp-a', '2026-11-28', att);
		if (!r.ok) throw new Error(JSON.stringify(r.problem));
		expect(r.payload.result).toBe('fail');
		expect(r.payload.rectification?.deadline).toBe('2026-12-05T15:59:59.000Z');
		expect(r.payload.rectification?.itemIds).toEqual(['raw_cooked_separated', 'kitchen_clean']);
	});

	it('inspections - a confirmed result that is not the checklist’s is refused', () => {
		const s = submission({ confirmedResult: 'pass' }, ['raw_cooked_separated']);
		const r = inspectionPayload(template, s, 'insp-a', '2026-11-28', att);
		expect(r).toEqual({ ok: false, problem: { kind: 'result_changed', result: 'fail' } });
	});

	it('inspections - a deadline before the visit or past the latest item is refused', () => {
		for (const deadline of ['2026-11-27', '2026-12-14']) {
			const s = submission({ confirmedResult: 'rectify', deadline }, ['kitchen_clean']);
			const r = inspectionPayload(template, s, 'insp-a', '2026-11-28', att);
			expect(r).toEqual({ ok: false, problem: { kind: 'deadline' } });
		}
	});

	it('inspections - an item left out is refused with its id', () => {
		const s = submission();
		s.items = s.items.filter((i) => i.itemId !== 'pest_control');
		const r = inspectionPayload(template, s, 'insp-a', '2026-11-28', att);
		expect(r).toEqual({
			ok: false,
			problem: { kind: 'checklist', missing: ['pest_control'], unknown: [] }
		});
	});

	it('inspections - slots are every item photo then the signature', () => {
		expect(slotsOf(submission({}, ['kitchen_clean']))).toEqual([
			'item-kitchen_clean-1',
			'item-kitchen_clean-2',
			'signature'
		]);
	});
});
