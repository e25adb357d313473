import type { FsEvent } from '../../domain/events';
import { drawInspections } from '../../domain/tasks/random-draw';
import { drawIdOf, type PublishedDraw } from '../../domain/tasks/draw-record';
import { planTasks, type PlanId } from '../../domain/tasks/plans';
import { taskCandidates, type DrawForm, type TaskCandidate } from '../../domain/tasks/task-form';
import { drawTaskId } from '../../domain/tasks/task-ids';
import { taskList } from '../../domain/tasks/task';
import { stableEventId } from '../backbone/stable-id';
import {
	eventBy,
	inspectorsOf,
	TaskCommandError,
	type TaskPorts,
	type Viewer
} from './task-commands';

export interface DrawPorts extends TaskPorts {
	saveDraw: (d: PublishedDraw) => Promise<PublishedDraw>;
}

/** The merchants of these districts with their grades, through the viewer's ticket. */
async function candidatesOf(viewer: Viewer, districtIds: readonly string[], ports: TaskPorts) {
	const outside = districtIds.filter(
		(d) => viewer.claims.role !== 'admin' && !viewer.claims.districts.includes(d)
	);
	if (outside.length) {
		throw new TaskCommandError('district', `not your district: ${outside.join(', ')}`);
	}
	return (
		await ports.read(
			viewer.claims,
			`/api/tasks/candidates?district=${districtIds.join(',')}`,
			taskCandidates
		)
	).items;
}

/** Ids of the tasks that exist already among these (a plan or draw published before). */
async function existingIds(viewer: Viewer, filter: string, ports: TaskPorts) {
	const { items } = await ports.read(viewer.claims, `/api/tasks?${filter}&limit=500`, taskList);
	return new Set(items.map((t) => t.id));
}

/** Two inspectors of the district per task, in turn (the plan's own rota, fixed by the order). */
function rota(districtId: string, ports: TaskPorts, i: number): string[] {
	const pool = inspectorsOf(districtId, ports)
		.map((x) => x.username)
		.sort();
	if (pool.length === 0) return [];
	if (pool.length === 1) return pool;
	return [pool[(2 * i) % pool.length] as string, pool[(2 * i + 1) % pool.length] as string];
}

/**
 * A plan's tasks in a period for one district: what would be made, which exist, and who would go.
 * `publish` makes the missing ones (event ids fixed by the task id: a second run makes nothing).
 */
export async function runPlan(
	viewer: Viewer,
	req: { plan: PlanId; period: string; districtId: string; title: string },
	ports: TaskPorts,
	publish = false
) {
	const candidates = await candidatesOf(viewer, [req.districtId], ports);
	const names = new Map(candidates.map((c) => [c.merchantId, c.name]));
	const planned = planTasks(req.plan, req.period, candidates);
	const runId = `${req.plan}-${req.period}`;
	const existing = await existingIds(viewer, `planId=${runId}&district=${req.districtId}`, ports);
	const rows = planned.map((t, i) => ({
		...t,
		name: names.get(t.merchantId) ?? t.merchantId,
		assignees: rota(t.districtId, ports, i),
		exists: existing.has(t.taskId)
	}));
	let created = 0;
	if (publish) {
		for (const r of rows) {
			if (r.exists || r.assignees.length === 0) continue;
			await ports.publish(
				taskEvent(viewer, r.taskId, r.merchantId, r.districtId, {
					kind: 'plan',
					title: req.title,
					dueAt: r.dueAt,
					assignees: r.assignees,
					planId: runId
				})
			);
			created++;
		}
	}
	return { runId, rows, created };
}

function taskEvent(
	viewer: Viewer,
	taskId: string,
	merchantId: string,
	districtId: string,
	p: {
		kind: 'plan' | 'random';
		title: string;
		dueAt: string;
		assignees: string[];
		planId?: string;
		drawId?: string;
	}
): FsEvent {
	const e = eventBy<'task.created'>(viewer, {
		type: 'task.created',
		merchantId,
		districtId,
		payload: { taskId, ...p }
	});
	return { ...e, id: stableEventId(`task.created|${taskId}`) };
}

/** 双随机: the draw (reproducible from its record), each pick's task, and the record's id. */
export async function previewDraw(viewer: Viewer, form: DrawForm, ports: TaskPorts) {
	const candidates: TaskCandidate[] = (await candidatesOf(viewer, form.districtIds, ports)).filter(
		(c) => c.status === 'operating'
	);
	const inspectors = ports
		.inspectors()
		.map((i) => ({ username: i.username, districtIds: i.districts }));
	const record = drawInspections({ candidates, inspectors, count: form.count, seed: form.seed });
	const drawId = drawIdOf({ ...form, candidatesDigest: record.candidatesDigest });
	const names = new Map(candidates.map((c) => [c.merchantId, c.name]));
	return {
		drawId,
		record,
		picks: record.picks.map((p) => ({
			...p,
			name: names.get(p.merchantId) ?? p.merchantId,
			taskId: drawTaskId(drawId, p.merchantId)
		}))
	};
}

/** Publishes a draw: its record first (kept for good), then one task per pick, each once. */
export async function publishDraw(viewer: Viewer, form: DrawForm, title: string, ports: DrawPorts) {
	const { drawId, record, picks } = await previewDraw(viewer, form, ports);
	// A draw nobody can carry out is not published (it would be on record as done, with no tasks).
	if (picks.length === 0) {
		throw new TaskCommandError(
			'unstaffed',
			`no target could be staffed: each needs two inspectors of its district (${record.unstaffed.length} unstaffed)`
		);
	}
	const saved = await ports.saveDraw({
		drawId,
		districtIds: [...form.districtIds].sort(),
		count: form.count,
		seed: form.seed,
		weights: record.weights,
		candidatesDigest: record.candidatesDigest,
		candidateCount: record.candidateCount,
		dueAt: form.dueAt,
		picks: picks.map(({ merchantId, districtId, grade, inspectors, taskId }) => ({
			merchantId,
			districtId,
			grade,
			inspectors,
			taskId
		})),
		unstaffed: record.unstaffed,
		publishedAt: new Date().toISOString(),
		publishedBy: viewer.user.username
	});
	for (const p of saved.picks) {
		await ports.publish(
			taskEvent(viewer, p.taskId, p.merchantId, p.districtId, {
				kind: 'random',
				title,
				dueAt: saved.dueAt,
				assignees: p.inspectors,
				drawId
			})
		);
	}
	return saved;
}
