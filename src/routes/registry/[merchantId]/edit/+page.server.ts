import { fail, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { uuidv7 } from '$lib/domain/ids';
import type { EventType } from '$lib/domain/events';
import type { NewEvent } from '$lib/domain/events/make';
import { staffList } from '$lib/domain/read-model';
import {
	formValues,
	licenceForm,
	renewForm,
	revokeForm,
	staffForm,
	unstaffForm
} from '$lib/domain/registry/licence-form';
import { parseMerchantForm } from '$lib/domain/registry/merchant-form';
import type { RegistryMerchant } from '$lib/domain/registry/read-model';
import type { TicketClaims } from '$lib/domain/auth/claims';
import { MAX_PHOTO_BYTES } from '$lib/domain/attachments';
import { attachmentStore, storePhotos } from '$lib/server/attachments/attachments';
import { preparePhoto, PhotoError, type PreparedPhoto } from '$lib/server/attachments/photos';
import { nats } from '$lib/server/nats';
import { readApi } from '$lib/server/read-api';
import { recordEvent, untilStored } from '$lib/server/record-event';
import { REGISTRY_EDITORS, registryMerchantOf } from '../../merchant.server';
import { writableDistricts } from '../../registry-write.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { viewer, merchant } = await registryMerchantOf(
		locals,
		params.merchantId,
		REGISTRY_EDITORS
	);
	const staff = await readApi(
		viewer.claims,
		`/api/merchants/${encodeURIComponent(merchant.id)}/staff`,
		staffList
	);
	return {
		merchant,
		staff: staff.items,
		districtIds: writableDistricts(viewer.claims)
	};
};

/**
 * One register change: the form checked by its schema, then one event for this merchant, in
 * its district, by the signed-in regulator; the page reloads once the store has it.
 */
function change<S extends z.ZodType, T extends EventType>(
	action: string,
	schema: S,
	toEvent: (f: z.infer<S>) => { type: T; payload: NewEvent<T>['payload'] },
	/** Whether the record the form names is this merchant's (ids come from the form). */
	belongs?: (
		f: z.infer<S>,
		merchant: RegistryMerchant,
		claims: TicketClaims
	) => boolean | Promise<boolean>
) {
	return async ({
		locals,
		params,
		request
	}: {
		locals: App.Locals;
		params: { merchantId: string };
		request: Request;
	}) => {
		const { viewer, merchant } = await registryMerchantOf(
			locals,
			params.merchantId,
			REGISTRY_EDITORS
		);
		const parsed = schema.safeParse(formValues(await request.formData()));
		if (!parsed.success) {
			return fail(400, {
				action,
				bad: parsed.error.issues.map((i) => String(i.path[0]))
			});
		}
		if (belongs && !(await belongs(parsed.data, merchant, viewer.claims))) {
			return fail(404, { action, bad: ['id'] });
		}
		const { type, payload } = toEvent(parsed.data);
		const { event } = await recordEvent(viewer, {
			type,
			merchantId: merchant.id,
			districtId: merchant.districtId,
			payload
		} as Omit<NewEvent<T>, 'actor'>);
		await untilStored(viewer.claims, event);
		return { action, done: true };
	};
}

const ownLicence = (f: { licenceId: string }, merchant: RegistryMerchant) =>
	merchant.licences.some((l) => l.licenceId === f.licenceId);

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const { viewer, merchant } = await registryMerchantOf(
			locals,
			params.merchantId,
			REGISTRY_EDITORS
		);
		const values = Object.fromEntries(await request.formData()) as Record<string, string>;
		const r = parseMerchantForm(values);
		if (!r.ok) return fail(400, { action: 'save', values, bad: r.fields });
		if (!writableDistricts(viewer.claims).includes(r.districtId)) {
			return fail(403, { action: 'save', values, bad: ['districtId'] });
		}
		// The credit code names the business; a different code is a different business.
		if (r.payload.creditCode !== merchant.creditCode) {
			return fail(400, { action: 'save', values, bad: ['creditCode'] });
		}
		const { event } = await recordEvent(viewer, {
			type: 'merchant.updated',
			merchantId: merchant.id,
			// A move to another district is filed under the new one: jurisdiction follows the register.
			districtId: r.districtId,
			payload: { ...r.payload, status: r.status }
		});
		await untilStored(viewer.claims, event);
		redirect(303, `/registry/${encodeURIComponent(merchant.id)}`);
	},
	/** 证照: a licence with an optional scan, stored like the shops' photos, before the event. */
	licence: async ({ locals, params, request }) => {
		const { viewer, merchant } = await registryMerchantOf(
			locals,
			params.merchantId,
			REGISTRY_EDITORS
		);
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(413, { action: 'licence', bad: ['scan'] });
		}
		const parsed = licenceForm.safeParse(formValues(form));
		if (!parsed.success) {
			return fail(400, {
				action: 'licence',
				bad: parsed.error.issues.map((i) => String(i.path[0]))
			});
		}
		const scan = form.get('scan');
		const file = scan instanceof File && scan.size > 0 ? scan : null;
		if (file && file.size > MAX_PHOTO_BYTES) return fail(413, { action: 'licence', bad: ['scan'] });
		let photo: PreparedPhoto | null = null;
		try {
			photo = file && (await preparePhoto(new Uint8Array(await file.arrayBuffer())));
		} catch (e) {
			if (e instanceof PhotoError) return fail(400, { action: 'licence', bad: ['scan'] });
			throw e;
		}
		const eventId = uuidv7();
		const attachmentIds = photo
			? await storePhotos(await attachmentStore((await nats()).nc), [photo], {
					merchantId: merchant.id,
					districtId: merchant.districtId,
					recordType: 'licence.issued',
					recordId: eventId,
					uploadedBy: viewer.user.username
				})
			: [];
		const { event } = await recordEvent(viewer, {
			id: eventId,
			type: 'licence.issued',
			merchantId: merchant.id,
			districtId: merchant.districtId,
			payload: {
				licenceId: uuidv7(),
				...parsed.data,
				...(attachmentIds.length ? { attachmentIds } : {})
			}
		});
		await untilStored(viewer.claims, event);
		return { action: 'licence', done: true };
	},
	renew: change('renew', renewForm, (f) => ({ type: 'licence.renewed', payload: f }), ownLicence),
	revoke: change(
		'revoke',
		revokeForm,
		(f) => ({ type: 'licence.revoked', payload: f }),
		ownLicence
	),
	staff: change('staff', staffForm, (f) => ({
		type: 'merchant.staff.registered',
		payload: {
			staffId: uuidv7(),
			name: f.name,
			position: f.position,
			...(f.certNumber && f.certValidFrom && f.certValidTo
				? {
						healthCertificate: {
							number: f.certNumber,
							validFrom: f.certValidFrom,
							validTo: f.certValidTo
						}
					}
				: {})
		}
	})),
	unstaff: change(
		'unstaff',
		unstaffForm,
		(f) => ({
			type: 'merchant.staff.removed',
			payload: { staffId: f.staffId, ...(f.reason ? { reason: f.reason } : {}) }
		}),
		async (f, merchant, claims) => {
			const { items } = await readApi(
				claims,
				`/api/merchants/${encodeURIComponent(merchant.id)}/staff`,
				staffList
			);
			return items.some((s) => s.staffId === f.staffId);
		}
	)
};
