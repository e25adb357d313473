import { z } from 'zod';
import { districtId, entityId } from '../../src/lib/domain/ids';
import { taskKind } from '../../src/lib/domain/events/task';
import { mayRead, type ReadScope } from '../../src/lib/domain/auth/policy';
import { isOverdue, taskStatus, type Task } from '../../src/lib/domain/tasks/task';
import type { RiskGrade } from '../../src/lib/domain/risk';
import type { MerchantRecord } from '../state/merchant-state';
import type { TaskBook } from './task-book';

export const taskQuery = z.object({
	status: z
		.string()
		.transform((s) => s.split(','))
		.pipe(z.array(taskStatus))
		.optional(),
	assignee: entityId.optional(),
	district: districtId.optional(),
	merchantId: entityId.optional(),
	kind: taskKind.optional(),
	overdue: z.enum(['1', '0']).optional(),
	planId: entityId.optional(),
	drawId: entityId.optional(),
	limit: z.coerce.number().int().min(1).max(500).default(50),
	offset: z.coerce.number().int().min(0).max(1_000_000).default(0)
});
export type TaskQuery = z.infer<typeof taskQuery>;

export interface TaskView extends Task {
	overdue: boolean;
	merchantName?: string;
	grade?: RiskGrade;
	lon?: number;
	lat?: number;
	/** Of the task's alerts, those still being handled. */
	activeAlerts: number;
}

export interface TaskReadDeps {
	tasks: TaskBook;
	merchant: (id: string) => MerchantRecord | undefined;
	grade: (m: MerchantRecord) => RiskGrade;
}

/** A task with what a list shows of its merchant. */
export function viewOf(t: Task, deps: TaskReadDeps, now: number): TaskView {
	const m = deps.merchant(t.merchantId);
	return {
		...t,
		overdue: isOverdue(t, now),
		activeAlerts: m ? t.alertIds.filter((id) => m.alerts.has(id)).length : 0,
		...(m?.registered && { merchantName: m.name, grade: deps.grade(m), lon: m.lon, lat: m.lat })
	};
}

/** Tasks in the scope matching the query, soonest due first, a page of them and the total. */
export function listTasks(deps: TaskReadDeps, q: TaskQuery, scope: ReadScope, now: number) {
	const matches: Task[] = [];
	for (const t of deps.tasks.values()) {
		if (!mayRead(scope, t)) continue;
		if (q.status && !q.status.includes(t.status)) continue;
		if (q.assignee && !t.assignees.includes(q.assignee)) continue;
		if (q.district && t.districtId !== q.district) continue;
		if (q.merchantId && t.merchantId !== q.merchantId) continue;
		if (q.kind && t.kind !== q.kind) continue;
		if (q.planId && t.planId !== q.planId) continue;
		if (q.drawId && t.drawId !== q.drawId) continue;
		if (q.overdue && isOverdue(t, now) !== (q.overdue === '1')) continue;
		matches.push(t);
	}
	matches.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1));
	return {
		items: matches.slice(q.offset, q.offset + q.limit).map((t) => viewOf(t, deps, now)),
		total: matches.length
	};
}
