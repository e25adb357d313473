import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { type AttachmentId, MAX_PHOTO_BYTES, MAX_PHOTOS_PER_RECORD } from '$lib/domain/attachments';
import { stepKey } from '$lib/domain/alerts/actions';
import { shopNotice } from '$lib/domain/alerts/notice';
import { stableEventId } from '$lib/server/backbone/stable-id';
import { attachmentStore, deletePhotos, storePhotos } from '$lib/server/attachments/attachments';
import { readAlert, untilAlertStored } from '$lib/server/alerts';
import { ObjectStoreError } from '$lib/server/attachments/object-store';
import { readPhotoForm } from '$lib/server/attachments/photo-form';
import { nats } from '$lib/server/nats';
import { recordEvent } from '$lib/server/record-event';
import { shopOf } from '../../shop.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * The shop's own alert waiting for its fix report: read with the shop person's ticket (another
 * shop's alert is not there), of this shop, and notified. Anything else is a 404.
 */
async function noticeOf(locals: App.Locals, merchantId: string, alertId: string) {
	const { viewer, shop } = await shopOf(locals, merchantId);
	const detail = await readAlert(viewer.claims, alertId);
	if (!detail || detail.alert.merchantId !== shop.id || detail.alert.status !== 'notified') {
		error(404, 'no rectification notice waiting for this shop');
	}
	return { viewer, shop, alert: detail.alert };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { shop, alert } = await noticeOf(locals, params.merchantId, params.alertId);
	return {
		shop: { id: shop.id, name: shop.name },
		alert: shopNotice(alert),
		maxPhotos: MAX_PHOTOS_PER_RECORD,
		maxPhotoMb: MAX_PHOTO_BYTES / 1024 / 1024,
		now: Date.now()
	};
};

const fixForm = z.object({ note: z.string().trim().min(2).max(1_000) });

export const actions: Actions = {
	/** 整改反馈: the shop says what it fixed, with photos, and the bureau verifies it. */
	default: async ({ locals, params, request, setHeaders }) => {
		const { viewer, shop, alert } = await noticeOf(locals, params.merchantId, params.alertId);
		const read = await readPhotoForm(request, setHeaders);
		const note = read.form?.get('note');
		const values = { note: typeof note === 'string' ? note : '' };
		if (!read.ok) return fail(read.status, { problem: read.problem, values });
		const parsed = fixForm.safeParse(values);
		if (!parsed.success) return fail(400, { problem: 'note' as const, values });

		// Fixed by the version of the notice answered: a double submit is one report, and a report
		// on a notice that changed meanwhile is refused by the processor.
		const eventId = stableEventId(stepKey(alert, 'report_fix'));
		const store = await attachmentStore((await nats()).nc);
		let attachmentIds: AttachmentId[];
		try {
			attachmentIds = await storePhotos(store, read.photos, {
				merchantId: shop.id,
				districtId: shop.districtId,
				recordType: 'alert.fix_reported',
				recordId: eventId,
				uploadedBy: viewer.user.username
			});
		} catch (e) {
			if (!(e instanceof ObjectStoreError)) throw e;
			console.error(`[web] fix report photos not stored: ${e.message}`);
			return fail(503, { problem: 'unavailable' as const, values });
		}
		const { event } = await recordEvent(viewer, {
			id: eventId,
			type: 'alert.fix_reported',
			merchantId: shop.id,
			districtId: shop.districtId,
			payload: {
				alertId: alert.id,
				after: alert.lastEventId ?? '',
				note: parsed.data.note,
				...(attachmentIds.length > 0 ? { attachmentIds } : {})
			}
		}).catch(async (e: unknown) => {
			// Photos of a report that was never published would be orphans: take them back.
			await deletePhotos(store, attachmentIds).catch(() => {});
			throw e;
		});
		if (!(await untilAlertStored(viewer.claims, alert.id, event.id))) {
			return fail(409, { problem: 'changed' as const, values });
		}
		redirect(303, `/m/${encodeURIComponent(shop.id)}?recorded=fix`);
	}
};
