import { randomBytes } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { error, fail } from '@sveltejs/kit';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_RECORD, type AttachmentId } from '$lib/domain/attachments';
import { complaintFiled } from '$lib/domain/events/public';
import { makeEvent } from '$lib/domain/events/make';
import { uuidv7 } from '$lib/domain/ids';
import { complaintForm, plausibleHappenedOn, spamReason } from '$lib/domain/public/complaint-form';
import { localDay } from '$lib/domain/time';
import { attachmentStore, storePhotos } from '$lib/server/attachments/attachments';
import { ObjectStoreError } from '$lib/server/attachments/object-store';
import { readPhotoForm } from '$lib/server/attachments/photo-form';
import { publishEvent } from '$lib/server/backbone/publisher';
import { nats } from '$lib/server/nats';
import { publicShopOf } from '$lib/server/public/public-api';
import { takeComplaint } from '$lib/server/public/rate-limits';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

async function shopOr404(merchantId: string) {
	const shop = await publicShopOf(merchantId);
	if (!shop) error(404, 'no such shop');
	return shop;
}

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const shop = await shopOr404(params.merchantId);
	setHeaders({ 'cache-control': 'no-store' });
	return {
		shop: { id: shop.id, name: shop.name },
		categories: complaintFiled.shape.category.options,
		maxPhotos: MAX_PHOTOS_PER_RECORD,
		maxPhotoMb: MAX_PHOTO_BYTES / 1024 / 1024,
		today: localDay(Date.now())
	};
};

/** Unguessable (128 bits): the code alone opens the tracking page. */
const newTrackingCode = () => `c${randomBytes(16).toString('base64url')}`;

const text = (form: FormData | undefined, name: string) => {
	const v = form?.get(name);
	return typeof v === 'string' ? v : '';
};

export const actions: Actions = {
	/**
	 * 投诉举报: checked (rate, size, photos, spam), then filed as `complaint.filed` from the QR
	 * page. The processor raises the alert; the complainant leaves with the tracking code.
	 */
	default: async ({ params, request, setHeaders, getClientAddress }) => {
		const shop = await shopOr404(params.merchantId);
		const rate = takeComplaint(getClientAddress(), shop.id);
		if (!rate.allowed) {
			setHeaders({ 'retry-after': String(Math.ceil(rate.retryAfterMs / 1000)) });
			return fail(429, { problem: 'rate' as const, values: null });
		}
		const read = await readPhotoForm(request, setHeaders);
		const values = {
			category: text(read.form, 'category'),
			text: text(read.form, 'text'),
			happenedOn: text(read.form, 'happenedOn'),
			contactName: text(read.form, 'contactName'),
			contactPhone: text(read.form, 'contactPhone')
		};
		if (!read.ok) return fail(read.status, { problem: read.problem, values });
		const parsed = complaintForm.safeParse(values);
		if (!parsed.success) {
			const field = String(parsed.error.issues[0]?.path[0] ?? 'text');
			return fail(400, { problem: `invalid_${field}` as const, values });
		}
		const f = parsed.data;
		const spam = spamReason(f.text);
		if (spam) return fail(400, { problem: `spam_${spam}` as const, values });
		if (f.happenedOn && !plausibleHappenedOn(f.happenedOn, localDay(Date.now()))) {
			return fail(400, { problem: 'invalid_happenedOn' as const, values });
		}

		const complaintId = newTrackingCode();
		const eventId = uuidv7();
		const { nc } = await nats();
		let attachmentIds: AttachmentId[] = [];
		try {
			attachmentIds = await storePhotos(await attachmentStore(nc), read.photos, {
				merchantId: shop.id,
				districtId: shop.districtId,
				recordType: 'complaint.filed',
				recordId: eventId,
				uploadedBy: 'public'
			});
		} catch (e) {
			if (!(e instanceof ObjectStoreError)) throw e;
			console.error(`[web] complaint photos not stored: ${e.message}`);
			return fail(503, { problem: 'unavailable' as const, values });
		}
		const event = makeEvent({
			id: eventId,
			type: 'complaint.filed',
			merchantId: shop.id,
			districtId: shop.districtId,
			actor: { kind: 'public', id: 'qr_page' },
			payload: {
				complaintId,
				category: f.category,
				text: f.text,
				channel: 'qr_page',
				...(attachmentIds.length ? { attachmentIds } : {}),
				...(f.contactPhone
					? {
							contact: { phone: f.contactPhone, ...(f.contactName ? { name: f.contactName } : {}) }
						}
					: {}),
				...(f.happenedOn ? { happenedOn: f.happenedOn } : {})
			}
		});
		await publishEvent(jetstream(nc), event);
		return { filed: true as const, code: complaintId };
	}
};
