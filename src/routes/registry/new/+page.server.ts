import { fail, redirect } from '@sveltejs/kit';
import { merchantIdOf, parseMerchantForm } from '$lib/domain/registry/merchant-form';
import { viewerOf } from '$lib/server/auth/guard';
import { recordEvent, untilStored } from '$lib/server/record-event';
import { REGISTRY_EDITORS } from '../merchant.server';
import { registeredWithCode, writableDistricts } from '../registry-write.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { claims } = viewerOf(locals, REGISTRY_EDITORS);
	return { districtIds: writableDistricts(claims) };
};

export const actions: Actions = {
	/** 新增主体: one merchant.registered event, in one of the regulator's districts. */
	default: async ({ locals, request }) => {
		const viewer = viewerOf(locals, REGISTRY_EDITORS);
		const values = Object.fromEntries(await request.formData()) as Record<string, string>;
		const r = parseMerchantForm(values);
		if (!r.ok) return fail(400, { values, bad: r.fields, problem: 'fields' as const });
		if (!writableDistricts(viewer.claims).includes(r.districtId)) {
			return fail(403, { values, bad: ['districtId'], problem: 'district' as const });
		}
		const existing = await registeredWithCode(viewer.claims, r.payload.creditCode);
		if (existing) {
			return fail(409, { values, bad: ['creditCode'], problem: 'exists' as const, existing });
		}
		const merchantId = merchantIdOf(r.payload.creditCode);
		const { event } = await recordEvent(viewer, {
			type: 'merchant.registered',
			merchantId,
			districtId: r.districtId,
			payload: r.payload
		});
		await untilStored(viewer.claims, event);
		redirect(303, `/registry/${encodeURIComponent(merchantId)}`);
	}
};
