import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../src/lib/domain/events/make';
import type { Task } from '../../src/lib/domain/tasks/task';
import { followUpTaskId } from '../../src/lib/domain/tasks/task-ids';
import { followUpOf } from './follow-up';
import { overdueEscalations } from './overdue';

const inspection = (rectification?: { itemIds: string[]; deadline: string }) =>
	makeEvent({
		type: 'inspection.completed',
		merchantId: 'm-1',
		districtId: '370102',
		actor: { kind: 'inspector', id: 'insp-a' },
		payload: {
			inspectionId: 'i-1',
			inspectorId: 'insp-a',
			coInspectorIds: ['insp-b', 'insp-a'],
			result: 'rectify',
			findings: [],
			...(rectification && { rectification })
		}
	});

describe('follow-up and overdue events', () => {
	it('tasks - rectification makes one follow-up: same inspectors, due at the deadline, fixed ids', () => {
		const deadline = '2026-12-05T16:00:00.000Z';
		const a = followUpOf(inspection({ itemIds: ['x', 'y'], deadline }), 1_000);
		const b = followUpOf(inspection({ itemIds: ['x', 'y'], deadline }), 2_000);
		expect(a?.id).toBe(b?.id);
		expect(a?.payload).toMatchObject({
			taskId: followUpTaskId('i-1'),
			kind: 'follow_up',
			dueAt: deadline,
			assignees: ['insp-a', 'insp-b'],
			followsInspectionId: 'i-1'
		});
		expect(followUpOf(inspection(), 1_000)).toBeNull();
	});

	it('tasks - an overdue pending task gets one escalation per due time', () => {
		const base = {
			id: 't-1',
			kind: 'manual',
			status: 'open',
			merchantId: 'm-1',
			districtId: '370102',
			title: 'x',
			dueAt: '2026-11-01T00:00:00.000Z',
			assignees: ['insp-a'],
			alertIds: [],
			createdAt: '2026-10-01T00:00:00.000Z',
			createdBy: 'sup-a',
			updatedAt: '2026-10-01T00:00:00.000Z',
			lastEventId: 'e'
		} satisfies Task;
		const now = Date.parse('2026-11-02T00:00:00Z');
		const [e] = overdueEscalations([base], now);
		expect(e?.payload).toMatchObject({ taskId: 't-1', dueAt: base.dueAt, auto: true });
		expect(overdueEscalations([base], now + 60_000)[0]?.id).toBe(e?.id);
		expect(overdueEscalations([{ ...base, escalatedFor: base.dueAt }], now)).toEqual([]);
		expect(overdueEscalations([{ ...base, status: 'done' }], now)).toEqual([]);
		expect(overdueEscalations([base], Date.parse(base.dueAt) - 1)).toEqual([]);
		const later = { ...base, dueAt: '2026-11-01T12:00:00.000Z', escalatedFor: base.dueAt };
		expect(overdueEscalations([later], now)[0]?.id).not.toBe(e?.id);
	});
});
