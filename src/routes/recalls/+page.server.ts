import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { uuidv7 } from '$lib/domain/ids';
import { forwardTrace, recallSummary } from '$lib/domain/trace/contracts';
import { openRecallForm, supplierLotForm } from '$lib/domain/trace/recall-form';
import { supplierLotSearch } from '$lib/domain/trace/supplier-lot';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi, ReadApiError } from '$lib/server/read-api';
import { pollUntil } from '$lib/server/record-event';
import { openRecall, RecallCommandError } from '$lib/server/recalls/recall-commands';
import { recallPorts } from '$lib/server/recalls/ports';
import { RECALL_OPENERS, RECALL_READERS } from './recalls.server';
import type { Actions, PageServerLoad } from './$types';

const recallList = z.object({ items: z.array(recallSummary) });
/** The page lists this many shops; the export has them all. */
const PAGE_ROWS = 500;

/** The lot typed into the form, from the address (empty fields absent). */
function lotFrom(params: URLSearchParams) {
	const raw = Object.fromEntries(
		['supplierId', 'batchNo', 'sku', 'productionDate'].map((k) => [k, params.get(k) ?? ''])
	);
	return { raw, parsed: raw.supplierId ? supplierLotForm.safeParse(raw) : null };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = viewerOf(locals, RECALL_READERS);
	const { raw, parsed } = lotFrom(url.searchParams);
	const lot = parsed?.success ? parsed.data : null;
	const [trace, recalls] = await Promise.all([
		lot
			? readApi(
					viewer.claims,
					`/api/trace/forward?${supplierLotSearch(lot)}&limit=${PAGE_ROWS}`,
					forwardTrace
				)
			: null,
		readApi(viewer.claims, '/api/recalls', recallList)
	]);
	return {
		query: raw,
		bad: parsed !== null && !parsed.success,
		lot,
		lotSearch: lot ? supplierLotSearch(lot).toString() : '',
		trace,
		recalls: recalls.items,
		mayOpen: RECALL_OPENERS.includes(viewer.user.role),
		formId: uuidv7()
	};
};

export const actions: Actions = {
	open: async ({ locals, request }) => {
		const viewer = viewerOf(locals, RECALL_OPENERS);
		const data = Object.fromEntries(await request.formData());
		const lot = supplierLotForm.safeParse(data);
		const form = openRecallForm.safeParse(data);
		if (!lot.success || !form.success) return fail(400, { problem: 'invalid' as const });
		const ports = await recallPorts();
		let recallId: string;
		try {
			({ recallId } = await openRecall(viewer, lot.data, form.data, ports));
		} catch (e) {
			if (e instanceof RecallCommandError) return fail(400, { problem: e.problem });
			throw e;
		}
		// Land on a progress page that already shows it (bounded; it shows a moment later if not).
		await pollUntil(async () => {
			try {
				await readApi(viewer.claims, `/api/recalls/${recallId}`, z.unknown());
				return true;
			} catch (e) {
				if (e instanceof ReadApiError && e.status === 404) return false;
				throw e;
			}
		});
		redirect(303, `/recalls/${encodeURIComponent(recallId)}`);
	}
};
