import { createHash } from 'node:crypto';
import { error, json } from '@sveltejs/kit';
import { MAX_PHOTO_BYTES } from '$lib/domain/attachments';
import { inspectionSubmission, photoSlot } from '$lib/domain/inspections/submission';
import { attachmentStore } from '$lib/server/attachments/attachments';
import { ObjectStoreError } from '$lib/server/attachments/object-store';
import { preparePhoto, PhotoError } from '$lib/server/attachments/photos';
import { inspectionAttachmentId, inspectionEventId } from '$lib/server/inspections/ids';
import { storePhoto } from '$lib/server/attachments/attachments';
import { hasInspectionPhoto } from '$lib/server/inspections/photos';
import { nats } from '$lib/server/nats';
import { inspectedMerchant } from '../../../inspected.server';
import type { RequestHandler } from './$types';

const inspectionId = inspectionSubmission.shape.inspectionId;

/**
 * One photo of an inspection (an item's, or the merchant's signature), sent by the phone's
 * queue before the inspection itself. Its id comes from the inspection and the slot, so sending
 * it again stores nothing twice and answers the same id.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const { viewer, merchant } = await inspectedMerchant(locals, params.merchantId);
	let form: FormData;
	try {
		form = await request.formData();
	} catch (e) {
		error((e as { status?: number }).status === 413 ? 413 : 400, 'not a photo upload');
	}
	const id = inspectionId.safeParse(form.get('inspectionId'));
	const slot = photoSlot.safeParse(form.get('slot'));
	const file = form.get('photo');
	if (!id.success || !slot.success || !(file instanceof File) || file.size === 0) {
		error(400, 'inspectionId, slot and photo are required');
	}
	if (file.size > MAX_PHOTO_BYTES) error(413, 'photo too large');
	const recordId = inspectionEventId(id.data);
	const attachmentId = inspectionAttachmentId(id.data, slot.data);
	const store = await attachmentStore((await nats()).nc);
	const bytes = new Uint8Array(await file.arrayBuffer());
	const sourceSha256 = createHash('sha256').update(bytes).digest('hex');
	if (await hasInspectionPhoto(store, attachmentId, recordId, sourceSha256)) {
		return json({ attachmentId });
	}
	let photo;
	try {
		photo = await preparePhoto(bytes);
	} catch (e) {
		if (e instanceof PhotoError) error(400, 'not an image');
		throw e;
	}
	try {
		await storePhoto(store, attachmentId, photo, {
			merchantId: merchant.id,
			districtId: merchant.districtId,
			recordType: 'inspection.completed',
			recordId,
			uploadedBy: viewer.user.username
		});
	} catch (e) {
		if (e instanceof ObjectStoreError) error(503, 'photo store unavailable, try again');
		throw e;
	}
	return json({ attachmentId });
};
