import { error, redirect } from '@sveltejs/kit';
import { backwardSearch, parseBackwardQuery } from '$lib/domain/trace/backward-query';
import { localDay } from '$lib/domain/time';
import { viewerOf } from '$lib/server/auth/guard';
import { backwardTraceView, findShop, shopOf } from '$lib/server/recalls/backward-trace';
import { recallPorts } from '$lib/server/recalls/ports';
import { RECALL_READERS } from '../recalls.server';
import type { PageServerLoad } from './$types';

/**
 * 反向追溯: from a shop and a window of days (a food-poisoning complaint) to the lots it used,
 * their suppliers and the other shops those suppliers served. A shop typed by name resolves
 * through the register; a shop outside the viewer's districts is a 404, as on the register.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = viewerOf(locals, RECALL_READERS);
	const params = url.searchParams;
	const form = {
		shop: params.get('shop') ?? params.get('merchantId') ?? '',
		from: params.get('from') ?? '',
		to: params.get('to') ?? ''
	};
	const base = { form, problem: null, choice: null, shop: null, window: null, trace: null };
	const parsed = parseBackwardQuery(params, localDay(Date.now()));
	const { read } = await recallPorts();
	if (!parsed.ok) {
		// A shop picked earlier travels by id: the box shows its name again, not the id.
		const picked = params.get('merchantId');
		const known = picked ? await shopOf(viewer.claims, picked, read) : null;
		return {
			...base,
			form: known ? { ...form, shop: known.name } : form,
			problem: parsed.problem
		};
	}
	const { merchantId, shop: typed, window } = parsed.query;
	if (!merchantId && !typed) return base;

	if (!merchantId && typed) {
		const choice = await findShop(viewer.claims, typed, read);
		if (choice.kind !== 'shop') return { ...base, choice };
		// One shop: its own address, so the page can be shared and bookmarked.
		const search = backwardSearch({
			merchantId: choice.shop.id,
			from: form.from || undefined,
			to: form.to || undefined
		});
		redirect(303, `/recalls/backward?${search}`);
	}
	const shop = merchantId ? await shopOf(viewer.claims, merchantId, read) : null;
	if (!shop) error(404, 'no such merchant in your districts');
	return {
		...base,
		form: { ...form, shop: shop.name },
		shop,
		window,
		trace: await backwardTraceView(viewer.claims, shop.id, window, read)
	};
};
