import { z } from 'zod';
import { taskKind } from '$lib/domain/events/task';
import { taskList, taskStatus } from '$lib/domain/tasks/task';
import { readApi } from '$lib/server/read-api';
import { districtsOf, inspectorNames, taskViewer } from './tasks.server';
import type { PageServerLoad } from './$types';

const PAGE = 50;
const filters = z.object({
	status: z
		.union([taskStatus, z.literal('pending')])
		.optional()
		.catch(undefined),
	kind: taskKind.optional().catch(undefined),
	district: z
		.string()
		.regex(/^\d{6}$/)
		.optional()
		.catch(undefined),
	assignee: z
		.string()
		.regex(/^[A-Za-z0-9_-]{1,64}$/)
		.optional()
		.catch(undefined),
	overdue: z.literal('1').optional().catch(undefined),
	offset: z.coerce.number().int().min(0).max(1_000_000).catch(0)
});

/** The task list: filters from the address (a bad one is ignored), read in the viewer's scope. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { claims } = taskViewer(locals);
	const q = filters.parse(Object.fromEntries(url.searchParams));
	const districtIds = districtsOf(claims);
	const api = new URLSearchParams({ limit: String(PAGE), offset: String(q.offset) });
	api.set('status', q.status === 'pending' ? 'open,in_progress' : (q.status ?? ''));
	for (const k of ['kind', 'district', 'assignee', 'overdue'] as const) api.set(k, q[k] ?? '');
	const [page, names] = await Promise.all([
		readApi(claims, `/api/tasks?${api}`, taskList),
		inspectorNames()
	]);
	return { query: q, page, pageSize: PAGE, districtIds, names };
};
