import { fail, redirect } from '@sveltejs/kit';
import { taskCandidates } from '$lib/domain/tasks/task-form';
import { newTaskForm } from '$lib/domain/tasks/task-form';
import { instantOfLocal, localDateTime } from '$lib/domain/time';
import { readAlert } from '$lib/server/alerts';
import { readApi } from '$lib/server/read-api';
import { createTask } from '$lib/server/tasks/task-commands';
import { webTaskPorts } from '$lib/server/tasks/ports';
import { districtsOf, problemOf, taskViewer, untilTask } from '../tasks.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = taskViewer(locals);
	const districtIds = districtsOf(viewer.claims);
	const [ports, { items: merchants }] = await Promise.all([
		webTaskPorts(),
		readApi(
			viewer.claims,
			`/api/tasks/candidates?district=${districtIds.join(',')}`,
			taskCandidates
		)
	]);
	const alertId = url.searchParams.get('alert');
	const alert = alertId ? (await readAlert(viewer.claims, alertId))?.alert : null;
	const inspectors = ports
		.inspectors()
		.filter((i) => i.districts.some((d) => districtIds.includes(d)))
		.map((i) => ({
			username: i.username,
			displayName: i.displayName,
			districts: [...i.districts]
		}));
	// Riskiest first: the merchants a supervisor most likely dispatches to.
	merchants.sort((a, b) =>
		a.grade === b.grade ? a.name.localeCompare(b.name) : a.grade < b.grade ? 1 : -1
	);
	return {
		merchants,
		inspectors,
		alert: alert && {
			id: alert.id,
			rule: alert.rule,
			merchantId: alert.merchantId,
			facts: alert.facts
		},
		alertMissing: alertId !== null && !alert,
		merchantId: alert?.merchantId ?? url.searchParams.get('merchant') ?? '',
		defaultDue: localDateTime(Date.now() + 3 * 86_400_000),
		formId: crypto.randomUUID()
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const viewer = taskViewer(locals);
		const data = await request.formData();
		const values = {
			merchantId: String(data.get('merchantId') ?? ''),
			title: String(data.get('title') ?? ''),
			due: String(data.get('due') ?? ''),
			assignees: data.getAll('assignees').map(String),
			alertIds: String(data.get('alertIds') ?? ''),
			note: String(data.get('note') ?? ''),
			formId: String(data.get('formId') ?? '')
		};
		const due = instantOfLocal(values.due);
		const parsed = newTaskForm.safeParse({
			...values,
			dueAt: due === null ? '' : new Date(due).toISOString(),
			note: values.note || undefined
		});
		if (!parsed.success) {
			const bad = parsed.error.issues.map((i) => String(i.path[0] === 'dueAt' ? 'due' : i.path[0]));
			return fail(400, { values, bad, problem: null });
		}
		let taskId: string;
		try {
			({ taskId } = await createTask(viewer, parsed.data, await webTaskPorts()));
		} catch (e) {
			const problem = problemOf(e);
			return fail(problem === 'merchant' ? 403 : 400, { values, bad: [], problem });
		}
		await untilTask(viewer.claims, taskId);
		redirect(303, `/tasks/${encodeURIComponent(taskId)}`);
	}
};
