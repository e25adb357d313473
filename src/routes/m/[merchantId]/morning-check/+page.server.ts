import { fail, redirect } from '@sveltejs/kit';
import { symptom } from '$lib/domain/events/ledger';
import { certificateStatus, fitForWork } from '$lib/domain/ledgers/morning-check';
import { localDay } from '$lib/domain/time';
import { recordEvent, untilStored } from '$lib/server/record-event';
import { shopOf } from '../shop.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { shop, roster } = await shopOf(locals, params.merchantId, { withRoster: true });
	const today = localDay(Date.now());
	return {
		shop: { id: shop.id, name: shop.name },
		today,
		roster: roster.map((s) => ({
			staffId: s.staffId,
			name: s.name,
			position: s.position,
			certificate: certificateStatus(s.certValidTo, today)
		}))
	};
};

/** Temperatures a thermometer can show on a person; anything else is a typo. */
const TEMP_MIN = 34;
const TEMP_MAX = 43;

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const { viewer, shop, roster } = await shopOf(locals, params.merchantId, { withRoster: true });
		if (roster.length === 0) return fail(400, { problem: 'no_staff' as const });
		const form = await request.formData();
		const present = new Set(form.getAll('present').map(String));
		const entries = [];
		for (const s of roster) {
			const raw = String(form.get(`temp:${s.staffId}`) ?? '').trim();
			const temperatureC = raw === '' ? undefined : Number(raw);
			if (temperatureC !== undefined && !(temperatureC >= TEMP_MIN && temperatureC <= TEMP_MAX)) {
				return fail(400, { problem: 'temperature' as const, name: s.name });
			}
			const symptoms = symptom
				.array()
				.max(7)
				.safeParse(form.getAll(`symptom:${s.staffId}`));
			if (!symptoms.success) return fail(400, { problem: 'symptom' as const, name: s.name });
			const entry = {
				staffId: s.staffId,
				staffName: s.name,
				present: present.has(s.staffId),
				...(temperatureC === undefined ? {} : { temperatureC }),
				symptoms: symptoms.data
			};
			entries.push({ ...entry, fitForWork: fitForWork(entry) });
		}
		const { event } = await recordEvent(viewer, {
			type: 'ledger.morning_check.recorded',
			merchantId: shop.id,
			districtId: shop.districtId,
			payload: { checkedBy: viewer.user.displayName, entries }
		});
		await untilStored(viewer.claims, event);
		redirect(303, `/m/${encodeURIComponent(shop.id)}?recorded=morning_check`);
	}
};
