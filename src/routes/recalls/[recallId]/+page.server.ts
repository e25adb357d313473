import { error, fail } from '@sveltejs/kit';
import { recallProgress } from '$lib/domain/trace/contracts';
import { closeRecallForm } from '$lib/domain/trace/recall-form';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi, ReadApiError } from '$lib/server/read-api';
import { pollUntil } from '$lib/server/record-event';
import { closeRecall } from '$lib/server/recalls/recall-commands';
import { recallPorts } from '$lib/server/recalls/ports';
import { RECALL_OPENERS, RECALL_READERS } from '../recalls.server';
import type { Actions, PageServerLoad } from './$types';

/** A recall's progress, per shop, as far as the viewer's districts go. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const viewer = viewerOf(locals, RECALL_READERS);
	try {
		return {
			recall: await readApi(
				viewer.claims,
				`/api/recalls/${encodeURIComponent(params.recallId)}`,
				recallProgress
			),
			mayClose: RECALL_OPENERS.includes(viewer.user.role),
			// The page judges deadlines by this (the same on the server and in the browser).
			now: Date.now()
		};
	} catch (e) {
		if (e instanceof ReadApiError && (e.status === 404 || e.status === 400)) {
			error(404, 'no such recall in your districts');
		}
		throw e;
	}
};

export const actions: Actions = {
	/** 结束召回: closes it for every shop of it in the supervisor's districts. */
	close: async ({ locals, params, request }) => {
		const viewer = viewerOf(locals, RECALL_OPENERS);
		const form = closeRecallForm.safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { problem: 'invalid' as const });
		const ports = await recallPorts();
		const path = `/api/recalls/${encodeURIComponent(params.recallId)}`;
		try {
			await closeRecall(viewer, params.recallId, form.data.note, ports);
		} catch (e) {
			if (e instanceof ReadApiError && (e.status === 404 || e.status === 400)) {
				error(404, 'no such recall in your districts');
			}
			throw e;
		}
		// Land on a page that shows it closed (bounded; it shows a moment later if not).
		await pollUntil(async () => {
			const r = await readApi(viewer.claims, path, recallProgress);
			return r.items.every((i) => i.closedAt !== null);
		});
		return { closed: true as const };
	}
};
