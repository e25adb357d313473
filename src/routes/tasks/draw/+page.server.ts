import { fail } from '@sveltejs/kit';
import { drawForm } from '$lib/domain/tasks/task-form';
import { instantOfLocal, localDateTime, localDay } from '$lib/domain/time';
import { zhCN } from '$lib/i18n/messages/zh-CN';
import { previewDraw, publishDraw } from '$lib/server/tasks/plan-commands';
import { webTaskPorts } from '$lib/server/tasks/ports';
import { districtsOf, inspectorNames, problemOf, taskViewer } from '../tasks.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const viewer = taskViewer(locals);
	return {
		inspectorNames: await inspectorNames(),
		districtIds: districtsOf(viewer.claims),
		defaults: {
			seed: `${localDay(Date.now())}-`,
			count: 10,
			due: localDateTime(Date.now() + 30 * 86_400_000)
		}
	};
};

async function read(request: Request) {
	const data = await request.formData();
	const values = {
		districtIds: data.getAll('districtIds').map(String),
		count: String(data.get('count') ?? ''),
		seed: String(data.get('seed') ?? ''),
		due: String(data.get('due') ?? '')
	};
	const due = instantOfLocal(values.due);
	const parsed = drawForm.safeParse({
		...values,
		dueAt: due === null ? '' : new Date(due).toISOString()
	});
	return { values, parsed };
}

export const actions: Actions = {
	preview: async ({ locals, request }) => {
		const viewer = taskViewer(locals);
		const { values, parsed } = await read(request);
		if (!parsed.success) {
			return fail(400, { values, bad: parsed.error.issues.map((i) => String(i.path[0])) });
		}
		try {
			const d = await previewDraw(viewer, parsed.data, await webTaskPorts());
			return { values, preview: d };
		} catch (e) {
			return fail(400, { values, problem: problemOf(e) });
		}
	},
	publish: async ({ locals, request }) => {
		const viewer = taskViewer(locals);
		const { values, parsed } = await read(request);
		if (!parsed.success) {
			return fail(400, { values, bad: parsed.error.issues.map((i) => String(i.path[0])) });
		}
		try {
			const ports = await webTaskPorts();
			const { picks } = await previewDraw(viewer, parsed.data, ports);
			const published = await publishDraw(viewer, parsed.data, zhCN['tasks.draw'], ports);
			const names = Object.fromEntries(picks.map((p) => [p.merchantId, p.name]));
			return { values, published, names };
		} catch (e) {
			return fail(400, { values, problem: problemOf(e) });
		}
	}
};
