import {
	attachmentMeta,
	attachmentVariant,
	objectName,
	type AttachmentId
} from '../../domain/attachments';
import type { AttachmentOwner } from '../attachments/attachments';
import { findAttachment } from '../attachments/attachments';
import type { ObjectStore } from '../attachments/object-store';
import type { PreparedPhoto } from '../attachments/photos';

/**
 * Whether an inspection's photo is stored whole (both versions) for this inspection, and, when
 * `sourceSha256` is given, from the same upload: a retry then stores nothing again, while a
 * photo replaced in the slot (a refused visit edited) is stored anew.
 */
export async function hasInspectionPhoto(
	store: ObjectStore,
	id: AttachmentId,
	recordId: string,
	sourceSha256?: string
): Promise<boolean> {
	for (const variant of attachmentVariant.options) {
		const found = await findAttachment(store, id, variant);
		if (!found || found.meta.recordId !== recordId) return false;
		if (sourceSha256 && found.meta.sourceSha256 !== sourceSha256) return false;
	}
	return true;
}

/** Stores one prepared photo under the id its slot gives (the thumbnail last: it marks whole). */
export async function storeInspectionPhoto(
	store: ObjectStore,
	id: AttachmentId,
	photo: PreparedPhoto,
	owner: AttachmentOwner,
	now = Date.now()
): Promise<void> {
	for (const variant of attachmentVariant.options) {
		const v = photo.versions[variant];
		const meta = attachmentMeta.parse({
			attachmentId: id,
			variant,
			...owner,
			uploadedAt: new Date(now).toISOString(),
			contentType: v.contentType,
			width: v.width,
			height: v.height,
			bytes: v.data.length,
			sha256: v.sha256,
			sourceSha256: photo.sourceSha256
		});
		await store.put(objectName(id, variant), v.data, {
			contentType: v.contentType,
			metadata: { 'fs-attachment': JSON.stringify(meta) }
		});
	}
}
