import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, type NewEvent } from '../../src/lib/domain/events/make';
import type { EventType } from '../../src/lib/domain/events';
import { taskList, task as taskSchema } from '../../src/lib/domain/tasks/task';
import { followUpTaskId } from '../../src/lib/domain/tasks/task-ids';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { deadLetterSubject, streams } from '../../src/lib/domain/subjects';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';

let p: Pipeline;
const A = '370102';
const B = '370103';
const supA: TicketClaims = { sub: 'sup-a', role: 'supervisor', districts: [A], merchants: [] };
const inspA: TicketClaims = { sub: 'insp-a', role: 'inspector', districts: [A], merchants: [] };
const owner: TicketClaims = {
	sub: 'own-ab',
	role: 'merchant_owner',
	districts: [],
	merchants: ['t-m1']
};

beforeAll(async () => {
	p = await startPipeline({ CLOCK_RULES_MS: '200' });
	await publishEvent(p.js, registered('t-m1', A));
	await publishEvent(p.js, registered('t-m2', A));
	await publishEvent(p.js, registered('t-b1', B));
});
afterAll(async () => {
	await p?.stop();
});

const ev = <T extends EventType>(
	type: T,
	merchantId: string,
	payload: NewEvent<T>['payload'],
	districtId = A,
	actor: NewEvent<T>['actor'] = { kind: 'supervisor', id: 'sup-a' }
) => makeEvent({ type, merchantId, districtId, actor, payload } as NewEvent<T>);
const later = (ms: number) => new Date(Date.now() + ms).toISOString();
const created = (taskId: string, merchantId: string, dueAt = later(86_400_000), districtId = A) =>
	ev(
		'task.created',
		merchantId,
		{ taskId, kind: 'manual', title: '日常检查', dueAt, assignees: ['insp-a', 'insp-b'] },
		districtId
	);

/** The task as the read API gives it (an admin's view), once `ready` holds. */
const taskOf = (
	id: string,
	ready: (t: ReturnType<typeof taskSchema.parse>) => boolean = () => true
) =>
	eventually(
		async () => {
			const r = await p.api(`/api/tasks/${id}`);
			if (r.status !== 200) return undefined;
			const t = taskSchema.parse(r.body);
			return ready(t) ? t : undefined;
		},
		20_000,
		`task ${id}`
	);
const eventCount = async (type: string, merchantId: string) => {
	const [r] = await p.processor.store.query<{ n: number }>(
		'SELECT count() AS n FROM events WHERE type = {t:String} AND merchantId = {m:String}',
		{ t: type, m: merchantId }
	);
	return Number(r?.n ?? 0);
};
const inspection = (
	merchantId: string,
	inspectionId: string,
	extra: Partial<NewEvent<'inspection.completed'>['payload']> = {}
) =>
	ev(
		'inspection.completed',
		merchantId,
		{ inspectionId, inspectorId: 'insp-a', result: 'pass', findings: [], ...extra },
		A,
		{ kind: 'inspector', id: 'insp-a' }
	);

describe('task centre (processor)', () => {
	it('tasks - created, reassigned, cancelled; a step not allowed is dead-lettered', async () => {
		await publishEvent(p.js, created('t-1', 't-m1'));
		await taskOf('t-1');
		await publishEvent(
			p.js,
			ev('task.assigned', 't-m1', { taskId: 't-1', assignees: ['insp-c', 'insp-d'] })
		);
		await taskOf('t-1', (t) => t.assignees.includes('insp-c'));
		await publishEvent(p.js, ev('task.cancelled', 't-m1', { taskId: 't-1', reason: '商户已停业' }));
		const t = await taskOf('t-1', (x) => x.status === 'cancelled');
		expect(t).toMatchObject({ cancelReason: '商户已停业', assignees: ['insp-c', 'insp-d'] });
		await publishEvent(p.js, ev('task.started', 't-m1', { taskId: 't-1' }));
		await publishEvent(p.js, created('t-1b', 't-m1'));
		await taskOf('t-1b');
		expect((await taskOf('t-1')).status).toBe('cancelled');
		const [row] = await eventually(async () => {
			const rows = await p.processor.store.query<{ status: string; lastEventId: string }>(
				"SELECT status, lastEventId FROM tasks FINAL WHERE id = 't-1'"
			);
			return rows[0]?.status === 'cancelled' ? rows : undefined;
		});
		expect(row?.lastEventId).toBeDefined();
		const dead = await eventually(
			() =>
				p.jsm.streams
					.getMessage(streams.deadLetters, {
						last_by_subj: deadLetterSubject(`fs.ev.task.${A}.t-m1`)
					})
					.then(
						(m) => m ?? undefined,
						() => undefined
					),
			15_000,
			'dead letter'
		);
		expect(dead.header.get('Fs-Reason')).toBe('task t-1 is cancelled: task.started is not allowed');
	});

	it('tasks - done when its inspection arrives; the follow-up is created once, even redelivered or after a restart', async () => {
		await publishEvent(p.js, created('t-2', 't-m2'));
		await taskOf('t-2');
		const deadline = later(7 * 86_400_000);
		const done = inspection('t-m2', 'insp-2', {
			taskId: 't-2',
			result: 'rectify',
			coInspectorIds: ['insp-b'],
			rectification: { itemIds: ['c1', 'c2'], deadline },
			alertIds: ['al-x']
		});
		await publishEvent(p.js, done);
		const t = await taskOf('t-2', (x) => x.status === 'done');
		expect(t).toMatchObject({ inspectionId: 'insp-2', result: 'rectify' });
		const followUp = await taskOf(followUpTaskId('insp-2'));
		expect(followUp).toMatchObject({
			kind: 'follow_up',
			status: 'open',
			merchantId: 't-m2',
			dueAt: deadline,
			assignees: ['insp-a', 'insp-b'],
			followsInspectionId: 'insp-2',
			alertIds: ['al-x']
		});
		// The same inspection event again (a phone's retry past the dedup window is a new message).
		await p.js.publish(`fs.ev.inspection.${A}.t-m2`, JSON.stringify(done));
		await p.restart();
		await p.js.publish(`fs.ev.inspection.${A}.t-m2`, JSON.stringify(done));
		await publishEvent(p.js, created('t-2b', 't-m2'));
		await taskOf('t-2b');
		await eventually(async () =>
			(await eventCount('task.created', 't-m2')) >= 3 ? true : undefined
		);
		expect(await eventCount('task.created', 't-m2')).toBe(3);
		const { body } = await p.api('/api/tasks?merchantId=t-m2&kind=follow_up');
		expect(taskList.parse(body).total).toBe(1);
		// Still known after the restart, done.
		expect((await taskOf('t-2')).status).toBe('done');
	});

	it('tasks - an overdue task is escalated once by the clock', async () => {
		await publishEvent(p.js, created('t-3', 't-m1', later(1_500)));
		const t = await taskOf('t-3', (x) => x.escalatedFor !== undefined);
		expect(t).toMatchObject({ escalatedAuto: true, escalatedFor: t.dueAt, status: 'open' });
		const { body } = await p.api('/api/tasks?overdue=1&merchantId=t-m1');
		expect(taskList.parse(body).items.map((x) => x.id)).toEqual(['t-3']);
		await new Promise((r) => setTimeout(r, 1_000));
		expect(await eventCount('task.escalated', 't-m1')).toBe(1);
	});

	it('tasks - reads are cut to the ticket: district, not other districts, not merchants', async () => {
		await publishEvent(p.js, created('t-4', 't-b1', later(86_400_000), B));
		await taskOf('t-4');
		const forA = taskList.parse((await p.api('/api/tasks?limit=500', inspA)).body);
		expect(forA.items.length).toBeGreaterThan(0);
		expect(forA.items.every((t) => t.districtId === A)).toBe(true);
		expect((await p.api('/api/tasks/t-4', supA)).status).toBe(404);
		expect((await p.api(`/api/tasks?district=${B}`, supA)).status).toBe(403);
		expect((await p.api('/api/tasks', owner)).status).toBe(403);
		const mine = taskList.parse(
			(await p.api('/api/tasks?assignee=insp-a&status=open', inspA)).body
		);
		expect(mine.items.every((t) => t.assignees.includes('insp-a') && t.status === 'open')).toBe(
			true
		);
		expect(mine.items[0]?.merchantName).toBeDefined();
		const cand = await p.api(`/api/tasks/candidates?district=${A}`, supA);
		expect(cand.status).toBe(200);
		expect(
			(cand.body as { items: { merchantId: string; grade: string }[] }).items.map(
				(c) => c.merchantId
			)
		).toEqual(['t-m1', 't-m2']);
		expect((await p.api(`/api/tasks/candidates?district=${B}`, supA)).status).toBe(403);
	});

	it('tasks - a task for an unknown merchant is refused', async () => {
		await publishEvent(p.js, created('t-5', 't-none'));
		await publishEvent(p.js, created('t-6', 't-m1'));
		await taskOf('t-6');
		expect((await p.api('/api/tasks/t-5')).status).toBe(404);
	});
});
