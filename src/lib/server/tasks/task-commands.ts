import type { z } from 'zod';
import type { TicketClaims } from '../../domain/auth/claims';
import type { FsEvent } from '../../domain/events';
import { makeEvent, type NewEvent } from '../../domain/events/make';
import { task as taskSchema, isPending, type Task } from '../../domain/tasks/task';
import { merchantDetail } from '../../domain/read-model';
import { foreignAlerts, type NewTaskForm } from '../../domain/tasks/task-form';
import { stableEventId } from '../backbone/stable-id';
import { actorKinds } from '../record-event';
import type { PersonRole } from '../../domain/auth/claims';
import { ReadApiError } from '../read-api';

/** What the task commands need from the world: the read API, the stream, the accounts. */
export interface TaskPorts {
	read: <S extends z.ZodType>(claims: TicketClaims, path: string, schema: S) => Promise<z.infer<S>>;
	publish: (event: FsEvent) => Promise<unknown>;
	/** Inspector accounts that are not disabled, with their districts. */
	inspectors: () => { username: string; displayName: string; districts: readonly string[] }[];
}

export type Viewer = { user: { username: string; role: PersonRole }; claims: TicketClaims };

export class TaskCommandError extends Error {
	override name = 'TaskCommandError';
	constructor(
		readonly problem:
			'merchant' | 'assignees' | 'alerts' | 'unstaffed' | 'task' | 'state' | 'district',
		message: string
	) {
		super(message);
	}
}

/** An event by the viewer (the actor is the session's user, never a form field). */
export function eventBy<T extends EventTypeOf>(
	viewer: Viewer,
	input: Omit<NewEvent<T>, 'actor'>
): FsEvent {
	return makeEvent({
		...input,
		actor: { kind: actorKinds[viewer.user.role], id: viewer.user.username }
	} as NewEvent<T>) as FsEvent;
}
type EventTypeOf = FsEvent['type'];

/** The merchant through the viewer's ticket: outside their districts it does not exist. */
export async function merchantFor(viewer: Viewer, merchantId: string, ports: TaskPorts) {
	try {
		return await ports.read(
			viewer.claims,
			`/api/merchants/${encodeURIComponent(merchantId)}`,
			merchantDetail
		);
	} catch (e) {
		if (e instanceof ReadApiError && e.status === 404) {
			throw new TaskCommandError('merchant', `no merchant ${merchantId} in your districts`);
		}
		throw e;
	}
}

/** Inspectors of a district, by username. */
export function inspectorsOf(districtId: string, ports: TaskPorts) {
	return ports.inspectors().filter((i) => i.districts.includes(districtId));
}

function checkAssignees(assignees: readonly string[], districtId: string, ports: TaskPorts) {
	const pool = new Set(inspectorsOf(districtId, ports).map((i) => i.username));
	const outside = assignees.filter((a) => !pool.has(a));
	if (outside.length) {
		throw new TaskCommandError(
			'assignees',
			`not inspectors of ${districtId}: ${outside.join(', ')}`
		);
	}
	if (new Set(assignees).size !== assignees.length) {
		throw new TaskCommandError('assignees', 'the same inspector twice');
	}
}

/** 派发任务: a manual task, or one from an alert (kind alert when it names alerts). */
export async function createTask(viewer: Viewer, form: NewTaskForm, ports: TaskPorts) {
	const m = await merchantFor(viewer, form.merchantId, ports);
	checkAssignees(form.assignees, m.districtId, ports);
	const foreign = foreignAlerts(form.alertIds, m.id);
	if (foreign.length) {
		throw new TaskCommandError('alerts', `alerts of another merchant: ${foreign.join(', ')}`);
	}
	// From the form's own id: a double click or a resend is the same task and the same event.
	const taskId = `t-${stableEventId(`task-form:${form.formId}`).replaceAll('-', '').slice(0, 24)}`;
	const event = eventBy<'task.created'>(viewer, {
		id: stableEventId(`task.created:${taskId}`),
		type: 'task.created',
		merchantId: m.id,
		districtId: m.districtId,
		payload: {
			taskId,
			kind: form.alertIds.length ? 'alert' : 'manual',
			title: form.title,
			dueAt: form.dueAt,
			assignees: form.assignees,
			...(form.alertIds.length && { alertIds: form.alertIds }),
			...(form.note && { note: form.note })
		}
	});
	await ports.publish(event);
	return { taskId, event };
}

/** The task through the viewer's ticket (404 outside their districts). */
export async function taskFor(viewer: Viewer, taskId: string, ports: TaskPorts): Promise<Task> {
	try {
		return await ports.read(viewer.claims, `/api/tasks/${encodeURIComponent(taskId)}`, taskSchema);
	} catch (e) {
		if (e instanceof ReadApiError && e.status === 404) {
			throw new TaskCommandError('task', `no task ${taskId}`);
		}
		throw e;
	}
}

/** 改派 */
export async function reassignTask(
	viewer: Viewer,
	taskId: string,
	form: { assignees: string[]; reason?: string },
	ports: TaskPorts
) {
	const t = await taskFor(viewer, taskId, ports);
	if (!isPending(t.status)) throw new TaskCommandError('state', `task is ${t.status}`);
	checkAssignees(form.assignees, t.districtId, ports);
	const event = eventBy<'task.assigned'>(viewer, {
		type: 'task.assigned',
		merchantId: t.merchantId,
		districtId: t.districtId,
		payload: { taskId, assignees: form.assignees, ...(form.reason && { reason: form.reason }) }
	});
	await ports.publish(event);
	return event;
}

/** 取消 */
export async function cancelTask(viewer: Viewer, taskId: string, reason: string, ports: TaskPorts) {
	const t = await taskFor(viewer, taskId, ports);
	if (!isPending(t.status)) throw new TaskCommandError('state', `task is ${t.status}`);
	const event = eventBy<'task.cancelled'>(viewer, {
		type: 'task.cancelled',
		merchantId: t.merchantId,
		districtId: t.districtId,
		payload: { taskId, reason }
	});
	await ports.publish(event);
	return event;
}
