import { merchantList } from '$lib/domain/read-model';
import { taskList } from '$lib/domain/tasks/task';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import type { PageServerLoad } from './$types';

/**
 * The inspector's open tasks (assigned to them, in their districts) and their districts'
 * merchants (the first 100 of each), read in their scope.
 */
export const load: PageServerLoad = async ({ locals }) => {
	const { claims, user } = viewerOf(locals, ['inspector']);
	const mine = new URLSearchParams({
		assignee: user.username,
		status: 'open,in_progress',
		limit: '200'
	});
	const [tasks, lists] = await Promise.all([
		readApi(claims, `/api/tasks?${mine}`, taskList),
		Promise.all(
			claims.districts.map(async (district) => ({
				district,
				...(await readApi(claims, `/api/merchants?district=${district}&limit=100`, merchantList))
			}))
		)
	]);
	return { tasks: tasks.items, lists };
};
