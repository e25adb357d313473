import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { isPeriodOf, nextPeriod, periodOf, planId, type PlanId } from '$lib/domain/tasks/plans';
import { localDay } from '$lib/domain/time';
import { zhCN } from '$lib/i18n/messages/zh-CN';
import { runPlan } from '$lib/server/tasks/plan-commands';
import { webTaskPorts } from '$lib/server/tasks/ports';
import { districtsOf, inspectorNames, problemOf, taskViewer, untilTask } from '../tasks.server';
import type { Actions, PageServerLoad } from './$types';

/** Plan, period and district from the form or the address; the period must be the plan's. */
function choice(values: Record<string, string>, districtIds: string[]) {
	const plan = planId.catch('grade_d_monthly').parse(values.plan);
	const today = localDay(Date.now());
	const period =
		values.period && isPeriodOf(plan, values.period) ? values.period : periodOf(plan, today);
	const districtId = z
		.enum(districtIds as [string, ...string[]])
		.catch(districtIds[0] ?? '')
		.parse(values.district);
	return { plan, period, districtId };
}

/** The periods offered: this one and the next three. */
function periodsFrom(plan: PlanId): string[] {
	const out = [periodOf(plan, localDay(Date.now()))];
	for (let i = 0; i < 3; i++) out.push(nextPeriod(plan, out.at(-1) as string));
	return out;
}

// Task titles are data, written once in the bureau's language.
const titleOf = (plan: PlanId) => zhCN[`tasks.plan.${plan}`];

export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = taskViewer(locals);
	const districtIds = districtsOf(viewer.claims);
	const c = choice(Object.fromEntries(url.searchParams), districtIds);
	const preview = url.searchParams.has('plan')
		? await runPlan(viewer, { ...c, title: titleOf(c.plan) }, await webTaskPorts())
		: null;
	const names = await inspectorNames();
	return { choice: c, districtIds, periods: periodsFrom(c.plan), preview, names };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const viewer = taskViewer(locals);
		const values = Object.fromEntries(
			[...(await request.formData())].map(([k, v]) => [k, String(v)])
		);
		const c = choice(values, districtsOf(viewer.claims));
		try {
			const r = await runPlan(viewer, { ...c, title: titleOf(c.plan) }, await webTaskPorts(), true);
			// Published in order: once the last is in, the page reloads showing them all made.
			const last = r.rows.filter((x) => !x.exists && x.assignees.length).at(-1);
			if (last) await untilTask(viewer.claims, last.taskId);
			return { created: r.created };
		} catch (e) {
			return fail(400, { problem: problemOf(e) });
		}
	}
};
