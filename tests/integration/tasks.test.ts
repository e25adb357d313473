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
import type { z } from 'zod';
import { ReadApiError } from '../../src/lib/server/read-api';
import { saveDraw, readDraw } from '../../src/lib/server/backbone/draws';
import { openAccountServices, type AccountServices } from '../../src/lib/server/accounts/open';
import { createTestUsers } from '../helpers/accounts';
import {
	createTask,
	TaskCommandError,
	type Viewer
} from '../../src/lib/server/tasks/task-commands';
import { publishDraw, runPlan, type DrawPorts } from '../../src/lib/server/tasks/plan-commands';
import { publishedDraw } from '../../src/lib/domain/tasks/draw-record';
import { taskCandidates } from '../../src/lib/domain/tasks/task-form';
import { drawInspections } from '../../src/lib/domain/tasks/random-draw';

let p: Pipeline;
let accounts: AccountServices;
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
	accounts = await openAccountServices(p.nc, { log: () => {} });
	await createTestUsers(accounts);
	// A second inspector in 历下, so a visit has two.
	await accounts.accounts.create(
		{
			username: 'insp-a2',
			displayName: '历下执法二',
			access: { role: 'inspector', districts: [A] },
			password: 'spring water 2026'
		},
		{ id: 'system', address: 'test' }
	);
});

/** The web's task commands on the real read API, stream and accounts of this pipeline. */
const ports = (): DrawPorts => ({
	read: async <S extends z.ZodType>(claims: TicketClaims, path: string, schema: S) => {
		const r = await p.api(path, claims);
		if (r.status !== 200) throw new ReadApiError(`${path}: ${r.status}`, r.status);
		return schema.parse(r.body) as z.infer<S>;
	},
	publish: (e) => publishEvent(p.js, e),
	inspectors: () =>
		accounts.directory
			.list()
			.filter((u) => u.role === 'inspector')
			.map((u) => ({ username: u.username, displayName: u.displayName, districts: u.districts })),
	saveDraw: (d) => saveDraw(p.js, d)
});
const supAViewer: Viewer = { user: { username: 'sup-a', role: 'supervisor' }, claims: supA };
afterAll(async () => {
	accounts?.close();
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

	it('tasks - sup-a creates a task for its district with its inspectors, not for another district', async () => {
		const form = {
			merchantId: 't-m1',
			title: '告警核查',
			dueAt: later(86_400_000),
			assignees: ['insp-a', 'insp-a2'],
			alertIds: ['rule:t-m1:2026-11-28'],
			note: '请核查',
			formId: crypto.randomUUID()
		};
		const { taskId } = await createTask(supAViewer, form, ports());
		// The same form sent again is the same task, by the same event.
		const again = await createTask(supAViewer, form, ports());
		expect(again.taskId).toBe(taskId);
		expect(await taskOf(taskId)).toMatchObject({
			kind: 'alert',
			createdBy: 'sup-a',
			alertIds: form.alertIds,
			assignees: ['insp-a', 'insp-a2']
		});
		await expect(createTask(supAViewer, { ...form, merchantId: 't-b1' }, ports())).rejects.toThrow(
			TaskCommandError
		);
		await expect(
			createTask(supAViewer, { ...form, assignees: ['insp-a', 'sup-a'] }, ports())
		).rejects.toThrow(/not inspectors of 370102: sup-a/);
		// Another shop's alert cannot ride along.
		await expect(
			createTask(supAViewer, { ...form, alertIds: ['rule:t-b1:2026-11-28'] }, ports())
		).rejects.toThrow(/alerts of another merchant: rule:t-b1/);
	});

	it('tasks - a plan run twice creates its tasks once', async () => {
		const req = {
			plan: 'school_term' as const,
			period: '2027-spring',
			districtId: A,
			title: '开学前检查'
		};
		await publishEvent(p.js, {
			...registered('t-school', A),
			payload: { ...registered('t-school', A).payload, businessType: 'school_canteen' }
		});
		await eventually(async () => {
			const r = await runPlan(supAViewer, req, ports());
			return r.rows.length === 1 ? r : undefined;
		});
		const first = await runPlan(supAViewer, req, ports(), true);
		expect(first.created).toBe(1);
		const [row] = first.rows;
		const t = await taskOf(row!.taskId);
		expect(t).toMatchObject({
			kind: 'plan',
			planId: 'school_term-2027-spring',
			merchantId: 't-school'
		});
		expect(t.assignees).toHaveLength(2);
		const second = await runPlan(supAViewer, req, ports(), true);
		expect(second.rows[0]?.exists).toBe(true);
		expect(second.created).toBe(0);
		// Even published again behind the preview's back (a new event id), the task exists once.
		await publishEvent(p.js, created(row!.taskId, 't-school'));
		const marker = created('t-marker', 't-m1');
		await publishEvent(p.js, marker);
		// Stored in stream order: once the marker is, the copy before it has been handled.
		await eventually(async () => {
			const [r] = await p.processor.store.query<{ n: number }>(
				'SELECT count() AS n FROM events WHERE id = {id:UUID}',
				{ id: marker.id }
			);
			return Number(r?.n) === 1 ? true : undefined;
		});
		expect(await eventCount('task.created', 't-school')).toBe(1);
		expect((await taskOf(row!.taskId)).title).toBe('开学前检查');
		await expect(runPlan(supAViewer, { ...req, districtId: B }, ports(), true)).rejects.toThrow(
			/not your district/
		);
	});

	it('tasks - a published draw is kept, reproducible and published once', async () => {
		const form = {
			districtIds: [A],
			count: 2,
			seed: '2026-11-28 公开随机数 731',
			dueAt: later(30 * 86_400_000)
		};
		const one = await publishDraw(supAViewer, form, '双随机抽查', ports());
		expect(one.picks).toHaveLength(2);
		for (const pick of one.picks) {
			const t = await taskOf(pick.taskId);
			expect(t).toMatchObject({ kind: 'random', drawId: one.drawId, assignees: pick.inspectors });
		}
		const again = await publishDraw(supAViewer, form, '双随机抽查', ports());
		expect(again).toEqual(one);
		// Anyone holding the record can draw again from the same candidates and seed.
		const { items } = taskCandidates.parse(
			(await p.api(`/api/tasks/candidates?district=${A}`, supA)).body
		);
		const redrawn = drawInspections({
			candidates: items
				.filter((c) => c.status === 'operating')
				.map(({ merchantId, districtId, grade }) => ({ merchantId, districtId, grade })),
			inspectors: ports()
				.inspectors()
				.map((i) => ({ username: i.username, districtIds: i.districts })),
			count: one.count,
			seed: one.seed,
			weights: one.weights as Record<'A' | 'B' | 'C' | 'D', number>
		});
		expect(redrawn.candidatesDigest).toBe(one.candidatesDigest);
		expect(redrawn.picks).toEqual(one.picks.map(({ taskId: _, ...pick }) => pick));
		const read = await p.api(`/api/draws/${one.drawId}`, supA);
		expect(publishedDraw.parse(read.body)).toEqual(one);
		expect(await readDraw(p.js, one.drawId)).toEqual(one);
		expect((await p.api(`/api/draws/${one.drawId}`, { ...supA, districts: [B] })).status).toBe(404);
		const { body } = await p.api(`/api/tasks?drawId=${one.drawId}`);
		expect(taskList.parse(body).total).toBe(2);
	});
});
