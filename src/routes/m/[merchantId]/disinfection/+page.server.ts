import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { DISINFECTION_MIN_MINUTES } from '$lib/domain/rules/disinfection';
import { instantOfLocal, localDateTime } from '$lib/domain/time';
import { recordEvent, untilStored } from '$lib/server/record-event';
import { shopOf } from '../shop.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { viewer, shop, roster } = await shopOf(locals, params.merchantId, { withRoster: true });
	const now = Date.now();
	return {
		shop: { id: shop.id, name: shop.name },
		startedAt: localDateTime(now - 15 * 60_000),
		endedAt: localDateTime(now),
		operators: [...new Set([viewer.user.displayName, ...roster.map((s) => s.name)])],
		minutes: DISINFECTION_MIN_MINUTES
	};
};

const form = z.object({
	target: z.enum(['tableware', 'area', 'equipment']),
	item: z.string().trim().min(1).max(100),
	method: z.enum(['heat', 'steam', 'chemical', 'uv']),
	startedAt: z.string(),
	endedAt: z.string(),
	operator: z.string().trim().min(1).max(50)
});

const DAY = 24 * 3_600_000;

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const { viewer, shop } = await shopOf(locals, params.merchantId);
		const data = Object.fromEntries(await request.formData());
		const problem = (p: 'invalid' | 'times') =>
			fail(400, { problem: p, values: data as Record<string, string> });
		const parsed = form.safeParse(data);
		if (!parsed.success) return problem('invalid');
		const f = parsed.data;
		const started = instantOfLocal(f.startedAt);
		const ended = instantOfLocal(f.endedAt);
		const now = Date.now();
		// A run ends after it starts, within the last day, not in the future. A short run is
		// recorded as it was: the processor's rule judges it (a form that refused it would only
		// teach people to write longer times).
		if (started === null || ended === null || ended < started || ended > now + 10 * 60_000) {
			return problem('times');
		}
		if (started < now - DAY) return problem('times');
		const { event } = await recordEvent(viewer, {
			type: 'ledger.disinfection.recorded',
			merchantId: shop.id,
			districtId: shop.districtId,
			occurredAt: new Date(ended).toISOString(),
			payload: {
				target: f.target,
				item: f.item,
				method: f.method,
				startedAt: new Date(started).toISOString(),
				endedAt: new Date(ended).toISOString(),
				operator: f.operator
			}
		});
		await untilStored(viewer.claims, event);
		redirect(303, `/m/${encodeURIComponent(shop.id)}?recorded=disinfection`);
	}
};
