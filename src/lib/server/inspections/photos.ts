import { attachmentVariant, type AttachmentId } from '../../domain/attachments';
import { findAttachment } from '../attachments/attachments';
import type { ObjectStore } from '../attachments/object-store';

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
