import { error } from '@sveltejs/kit';
import type { TicketClaims } from '$lib/domain/auth/claims';
import { viewerOf } from '$lib/server/auth/guard';
import { TaskCommandError } from '$lib/server/tasks/task-commands';
import { readApi, ReadApiError } from '$lib/server/read-api';
import { task, type Task } from '$lib/domain/tasks/task';
import { pollUntil } from '$lib/server/record-event';
import { webTaskPorts } from '$lib/server/tasks/ports';

/** Who dispatches, plans and draws: supervisors of their districts and admins. */
export const TASK_EDITORS = ['admin', 'supervisor'] as const;

export function taskViewer(locals: App.Locals) {
	return viewerOf(locals, TASK_EDITORS);
}

export { districtsOf } from '$lib/domain/auth/policy';

/** A refused command as a form problem; anything else is not ours to explain. */
export function problemOf(e: unknown): TaskCommandError['problem'] {
	if (e instanceof TaskCommandError) return e.problem;
	throw e;
}

export function notFound(): never {
	error(404, 'no such task');
}

/**
 * Waits (bounded) until the processor has the task (and, with `done`, the step just taken), so
 * the page landed on shows it.
 */
export function untilTask(
	claims: TicketClaims,
	taskId: string,
	done: (t: Task) => boolean = () => true
): Promise<boolean> {
	return pollUntil(async () => {
		try {
			return done(await readApi(claims, `/api/tasks/${encodeURIComponent(taskId)}`, task));
		} catch (e) {
			if (e instanceof ReadApiError && e.status === 404) return false;
			throw e;
		}
	});
}

/** Inspectors' display names by username, for lists that name who goes. */
export async function inspectorNames(): Promise<Record<string, string>> {
	const ports = await webTaskPorts();
	return Object.fromEntries(ports.inspectors().map((i) => [i.username, i.displayName]));
}
