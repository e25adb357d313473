import { describe, expect, it } from 'vitest';
import { makeEvent, type NewEvent } from '../events/make';
import type { EventType, FsEvent } from '../events';
import { applyTaskEvent } from './apply-task';
import { isOverdue, type Task } from './task';

const M = 'm-1';
const ev = <T extends EventType>(type: T, payload: NewEvent<T>['payload'], merchantId = M) =>
	makeEvent({
		type,
		merchantId,
		districtId: '370102',
		actor: { kind: 'supervisor', id: 'sup-a' },
		payload
	} as NewEvent<T>) as FsEvent;
const created = ev('task.created', {
	taskId: 't-1',
	kind: 'manual',
	title: '日常检查',
	dueAt: '2026-12-01T10:00:00.000Z',
	assignees: ['insp-a', 'insp-b'],
	alertIds: ['al-1']
});

/** Applies events in turn, keeping the tasks, and returns each outcome's kind. */
function run(events: FsEvent[]) {
	const tasks = new Map<string, Task>();
	const kinds = events.map((e) => {
		const out = applyTaskEvent((id) => tasks.get(id), e);
		if (out.kind === 'changed') tasks.set(out.task.id, out.task);
		return out.kind === 'refused' ? `refused: ${out.reason}` : out.kind;
	});
	return { tasks, kinds, task: tasks.get('t-1') };
}

describe('task lifecycle', () => {
	it('tasks - created, reassigned, started, done by its inspection', () => {
		const { task, kinds } = run([
			created,
			ev('task.assigned', { taskId: 't-1', assignees: ['insp-c', 'insp-d'] }),
			ev('task.started', { taskId: 't-1' }),
			ev('inspection.completed', {
				inspectionId: 'i-1',
				inspectorId: 'insp-c',
				result: 'rectify',
				findings: [],
				taskId: 't-1'
			})
		]);
		expect(kinds).toEqual(['changed', 'changed', 'changed', 'changed']);
		expect(task).toMatchObject({
			status: 'done',
			assignees: ['insp-c', 'insp-d'],
			alertIds: ['al-1'],
			inspectionId: 'i-1',
			result: 'rectify',
			createdBy: 'sup-a'
		});
	});

	it('tasks - a task created twice is one task; the second is stale', () => {
		const again = ev('task.created', { ...(created.payload as object), title: '另一个' } as never);
		const { kinds, task } = run([created, again]);
		expect(kinds).toEqual(['changed', 'stale']);
		expect(task?.title).toBe('日常检查');
	});

	it('tasks - illegal steps are refused with a reason', () => {
		const cancel = ev('task.cancelled', { taskId: 't-1', reason: '重复' });
		const { kinds } = run([
			ev('task.started', { taskId: 't-1' }),
			created,
			ev('task.assigned', { taskId: 't-1', assignees: ['x'] }, 'm-2'),
			cancel,
			ev('task.started', { taskId: 't-1' }),
			ev('task.cancelled', { taskId: 't-1', reason: '再次' })
		]);
		expect(kinds).toEqual([
			'refused: no task t-1',
			'changed',
			"refused: task t-1 is not merchant m-2's",
			'changed',
			'refused: task t-1 is cancelled: task.started is not allowed',
			'refused: task t-1 is cancelled: task.cancelled is not allowed'
		]);
	});

	it('tasks - an inspection for a closed, unknown or other merchant task leaves it alone', () => {
		const inspection = (taskId: string, merchantId = M) =>
			ev(
				'inspection.completed',
				{ inspectionId: 'i-9', inspectorId: 'insp-a', result: 'pass', findings: [], taskId },
				merchantId
			);
		const { kinds, task } = run([
			created,
			inspection('t-1', 'm-2'),
			inspection('t-404'),
			ev('task.cancelled', { taskId: 't-1', reason: '商户停业' }),
			inspection('t-1')
		]);
		expect(kinds).toEqual(['changed', 'none', 'none', 'changed', 'none']);
		expect(task?.status).toBe('cancelled');
	});

	it('tasks - an automatic escalation is made once per due time; after done it is stale', () => {
		const esc = (dueAt: string) => ev('task.escalated', { taskId: 't-1', dueAt, auto: true });
		const { kinds, task } = run([
			created,
			esc('2026-12-01T10:00:00.000Z'),
			esc('2026-12-01T10:00:00.000Z'),
			esc('2026-11-01T10:00:00.000Z')
		]);
		expect(kinds).toEqual(['changed', 'changed', 'stale', 'stale']);
		expect(task).toMatchObject({ escalatedFor: '2026-12-01T10:00:00.000Z', escalatedAuto: true });
		const done = run([
			created,
			ev('inspection.completed', {
				inspectionId: 'i-1',
				inspectorId: 'insp-a',
				result: 'pass',
				findings: [],
				taskId: 't-1'
			}),
			esc('2026-12-01T10:00:00.000Z')
		]);
		expect(done.kinds.at(-1)).toBe('stale');
	});

	it('tasks - overdue is derived: past due and not finished', () => {
		const t = run([created]).task as Task;
		const due = Date.parse(t.dueAt);
		expect(isOverdue(t, due - 1)).toBe(false);
		expect(isOverdue(t, due + 1)).toBe(true);
		expect(isOverdue({ ...t, status: 'in_progress' }, due + 1)).toBe(true);
		expect(isOverdue({ ...t, status: 'done' }, due + 1)).toBe(false);
		expect(isOverdue({ ...t, status: 'cancelled' }, due + 1)).toBe(false);
	});
});
