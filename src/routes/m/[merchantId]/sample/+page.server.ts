import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { SAMPLE_MIN_G, SAMPLE_MIN_HOURS } from '$lib/domain/rules/sample-retention';
import { instantOfLocal, localDateTime } from '$lib/domain/time';
import { recordEvent, untilStored } from '$lib/server/record-event';
import { shopOf } from '../shop.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { viewer, shop, roster } = await shopOf(locals, params.merchantId, { withRoster: true });
	return {
		shop: { id: shop.id, name: shop.name },
		now: localDateTime(Date.now()),
		keepers: [...new Set([viewer.user.displayName, ...roster.map((s) => s.name)])],
		minG: SAMPLE_MIN_G,
		minHours: SAMPLE_MIN_HOURS
	};
};

const form = z.object({
	meal: z.enum(['breakfast', 'lunch', 'dinner', 'other']),
	dish: z.string().trim().min(1).max(100),
	weightG: z.coerce.number().positive().max(10_000),
	storedAt: z.string(),
	keeper: z.string().trim().min(1).max(50),
	keepHours: z.coerce
		.number()
		.int()
		.min(1)
		.max(24 * 30)
});

type Problem = 'invalid' | 'underweight' | 'too_short' | 'stored_at';
const HOUR = 3_600_000;

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const { viewer, shop } = await shopOf(locals, params.merchantId);
		const data = Object.fromEntries(await request.formData());
		const problem = (p: Problem) =>
			fail(400, { problem: p, values: data as Record<string, string> });
		const parsed = form.safeParse(data);
		if (!parsed.success) return problem('invalid');
		const f = parsed.data;
		// The rule's minimums are checked here too: the form helps a kitchen get it right; the
		// processor's rule still judges samples that arrive any other way.
		if (f.weightG < SAMPLE_MIN_G) return problem('underweight');
		if (f.keepHours < SAMPLE_MIN_HOURS) return problem('too_short');
		const storedAt = instantOfLocal(f.storedAt);
		const now = Date.now();
		// Within the last day and not ahead of the clock: older entries are back-filling.
		if (storedAt === null || storedAt > now + 10 * 60_000 || storedAt < now - 24 * HOUR) {
			return problem('stored_at');
		}
		const { event } = await recordEvent(viewer, {
			type: 'ledger.sample_retention.recorded',
			merchantId: shop.id,
			districtId: shop.districtId,
			occurredAt: new Date(storedAt).toISOString(),
			payload: {
				meal: f.meal,
				dish: f.dish,
				weightG: f.weightG,
				storedAt: new Date(storedAt).toISOString(),
				keeper: f.keeper,
				destroyAfter: new Date(storedAt + f.keepHours * HOUR).toISOString()
			}
		});
		await untilStored(viewer.claims, event);
		redirect(303, `/m/${encodeURIComponent(shop.id)}?recorded=sample_retention`);
	}
};
