import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
	ATTACHMENTS_BUCKET,
	attachmentIdOf,
	attachmentMeta,
	attachmentVariant,
	objectName,
	type AttachmentId,
	type AttachmentMeta,
	type AttachmentVariant
} from '../../domain/attachments';
import { uuidv7 } from '../../domain/ids';
import { ObjectStore, type ObjectInfo } from './object-store';
import type { PreparedPhoto } from './photos';

/** The record a photo belongs to; its access check is the record's. */
export interface AttachmentOwner {
	merchantId: string;
	districtId: string;
	recordType: string;
	recordId: string;
	lotId?: string;
	uploadedBy: string;
}

const META_KEY = 'fs-attachment';

export async function attachmentStore(nc: NatsConnection): Promise<ObjectStore> {
	return new ObjectStore(jetstream(nc), await jetstreamManager(nc), ATTACHMENTS_BUCKET);
}

/**
 * Stores prepared photos (both versions each) and answers their ids, in order. Called before
 * the record's event is published, so an event never names a photo that is not there.
 */
export async function storePhotos(
	store: ObjectStore,
	photos: readonly PreparedPhoto[],
	owner: AttachmentOwner,
	now = Date.now()
): Promise<AttachmentId[]> {
	const ids: AttachmentId[] = [];
	for (const photo of photos) {
		const id = attachmentIdOf(uuidv7(now));
		await storePhoto(store, id, photo, owner, now);
		ids.push(id);
	}
	return ids;
}

/**
 * Stores one prepared photo under a given id, each version with its meta (the thumbnail last,
 * so a photo whose thumbnail is there is whole). Callers that derive ids (an inspection's
 * photo slots) use it directly; a retry then rewrites the same objects.
 */
export async function storePhoto(
	store: ObjectStore,
	id: AttachmentId,
	photo: PreparedPhoto,
	owner: AttachmentOwner,
	now = Date.now()
): Promise<void> {
	for (const variant of attachmentVariant.options) {
		const v = photo.versions[variant];
		const meta: AttachmentMeta = attachmentMeta.parse({
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
			metadata: { [META_KEY]: JSON.stringify(meta) }
		});
	}
}

/** The meta of a stored object; null when it is not ours or not readable (answered as a 404). */
function metaOf(info: ObjectInfo) {
	try {
		const parsed = attachmentMeta.safeParse(JSON.parse(info.metadata?.[META_KEY] ?? 'null'));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

/**
 * One version of an attachment: its meta at once (for the access check), its bytes only when
 * asked for, so a refused request never reads them.
 */
export async function findAttachment(
	store: ObjectStore,
	id: AttachmentId,
	variant: AttachmentVariant
): Promise<{ meta: AttachmentMeta; bytes: () => Promise<Uint8Array<ArrayBuffer>> } | null> {
	const info = await store.info(objectName(id, variant));
	const meta = info && metaOf(info);
	if (!info || !meta) return null;
	return { meta, bytes: () => store.read(info) };
}

/** Takes back photos whose record could not be published, so none is left without one. */
export async function deletePhotos(
	store: ObjectStore,
	ids: readonly AttachmentId[]
): Promise<void> {
	for (const id of ids) {
		for (const variant of attachmentVariant.options) await store.delete(objectName(id, variant));
	}
}
