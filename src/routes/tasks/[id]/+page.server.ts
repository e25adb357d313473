import { fail, redirect } from '@sveltejs/kit';
import { cancelForm, reassignForm } from '$lib/domain/tasks/task-form';
import { taskView } from '$lib/domain/tasks/task';
import { readApi, ReadApiError } from '$lib/server/read-api';
import { cancelTask, inspectorsOf, reassignTask } from '$lib/server/tasks/task-commands';
import { webTaskPorts } from '$lib/server/tasks/ports';
import { notFound, problemOf, taskViewer, untilTask } from '../tasks.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const viewer = taskViewer(locals);
	const [ports, task] = await Promise.all([
		webTaskPorts(),
		readApi(viewer.claims, `/api/tasks/${encodeURIComponent(params.id)}`, taskView).catch(
			(e: unknown) => {
				if (e instanceof ReadApiError && e.status === 404) notFound();
				throw e;
			}
		)
	]);
	const pool = inspectorsOf(task.districtId, ports).map((i) => ({
		username: i.username,
		displayName: i.displayName
	}));
	return { task, pool, overdue: task.status !== 'done' && Date.parse(task.dueAt) < Date.now() };
};

export const actions: Actions = {
	reassign: async ({ locals, params, request }) => {
		const viewer = taskViewer(locals);
		const data = await request.formData();
		const parsed = reassignForm.safeParse({
			assignees: data.getAll('assignees').map(String),
			reason: String(data.get('reason') ?? '') || undefined
		});
		if (!parsed.success) return fail(400, { action: 'reassign', problem: 'assignees' as const });
		try {
			const e = await reassignTask(viewer, params.id, parsed.data, await webTaskPorts());
			await untilTask(viewer.claims, params.id, (t) => t.lastEventId === e.id);
		} catch (e) {
			return fail(400, { action: 'reassign', problem: problemOf(e) });
		}
		redirect(303, `/tasks/${encodeURIComponent(params.id)}`);
	},
	cancel: async ({ locals, params, request }) => {
		const viewer = taskViewer(locals);
		const parsed = cancelForm.safeParse({
			reason: String((await request.formData()).get('reason') ?? '')
		});
		if (!parsed.success) return fail(400, { action: 'cancel', problem: null });
		try {
			const e = await cancelTask(viewer, params.id, parsed.data.reason, await webTaskPorts());
			await untilTask(viewer.claims, params.id, (t) => t.lastEventId === e.id);
		} catch (e) {
			return fail(400, { action: 'cancel', problem: problemOf(e) });
		}
		redirect(303, `/tasks/${encodeURIComponent(params.id)}`);
	}
};
