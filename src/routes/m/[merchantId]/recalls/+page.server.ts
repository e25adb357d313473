import { fail } from '@sveltejs/kit';
import { entityId, uuidv7 } from '$lib/domain/ids';
import { merchantRecalls } from '$lib/domain/trace/contracts';
import { lotAccountForm } from '$lib/domain/trace/recall-form';
import { stockList } from '$lib/domain/trace/stock-list';
import { readApi } from '$lib/server/read-api';
import { pollUntil } from '$lib/server/record-event';
import {
	accountRecallLot,
	acknowledgeRecall,
	RecallCommandError
} from '$lib/server/recalls/recall-commands';
import { recallPorts } from '$lib/server/recalls/ports';
import { shopOf } from '../shop.server';
import type { Actions, PageServerLoad } from './$types';

/** The shop's open recalls and, for each recalled lot, what it holds and what was reported. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { viewer, shop } = await shopOf(locals, params.merchantId);
	const id = encodeURIComponent(shop.id);
	const [recalls, stock] = await Promise.all([
		readApi(viewer.claims, `/api/merchants/${id}/recalls`, merchantRecalls),
		readApi(viewer.claims, `/api/merchants/${id}/stock`, stockList)
	]);
	const recalled = new Set(recalls.items.flatMap((r) => r.lotIds));
	return {
		shop: { id: shop.id, name: shop.name },
		recalls: recalls.items,
		lots: stock.items.filter((l) => recalled.has(l.lotId)),
		formId: uuidv7()
	};
};

/** Waits (bounded) until the shop's own view shows the change, so the page lands on it. */
async function settled(check: () => Promise<boolean>) {
	await pollUntil(check);
}

export const actions: Actions = {
	acknowledge: async ({ locals, params, request }) => {
		const { viewer, shop } = await shopOf(locals, params.merchantId);
		const recallId = entityId.safeParse((await request.formData()).get('recallId'));
		if (!recallId.success) return fail(400, { problem: 'invalid' as const });
		const ports = await recallPorts();
		try {
			await acknowledgeRecall(viewer, shop, recallId.data, ports);
		} catch (e) {
			if (e instanceof RecallCommandError) return fail(400, { problem: e.problem });
			throw e;
		}
		await settled(async () => {
			const r = await ports.read(
				viewer.claims,
				`/api/merchants/${encodeURIComponent(shop.id)}/recalls`,
				merchantRecalls
			);
			return r.items.some((i) => i.recallId === recallId.data && i.acknowledgedAt !== null);
		});
		return { done: 'acknowledged' as const };
	},
	account: async ({ locals, params, request }) => {
		const { viewer, shop } = await shopOf(locals, params.merchantId);
		const form = lotAccountForm.safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { problem: 'invalid' as const });
		const ports = await recallPorts();
		try {
			await accountRecallLot(viewer, shop, form.data, ports);
		} catch (e) {
			if (e instanceof RecallCommandError) {
				return fail(400, { problem: e.problem, remaining: e.remaining ?? null });
			}
			throw e;
		}
		if (form.data.pulled > 0) {
			await settled(async () => {
				const s = await ports.read(
					viewer.claims,
					`/api/merchants/${encodeURIComponent(shop.id)}/stock`,
					stockList
				);
				return s.items.some((l) => l.lotId === form.data.lotId && l.pulled >= form.data.pulled);
			});
		}
		return { done: 'accounted' as const };
	}
};
