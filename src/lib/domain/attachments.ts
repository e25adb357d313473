import { z } from 'zod';
import { districtId, entityId } from './ids';

/**
 * Photos and scans that belong to a record (a purchase's certificates and tickets, later
 * inspection photos). The id names an object in the attachment bucket and is what events carry:
 * `att_` and 32 hex digits (a UUIDv7 without dashes, so ids sort by upload time).
 */
export const attachmentId = z
	.string()
	.regex(/^att_[0-9a-f]{32}$/, 'must be att_ and 32 hex digits');
export type AttachmentId = z.infer<typeof attachmentId>;

/** The NATS object store bucket of every attachment (stream `OBJ_fs_attachments`). */
export const ATTACHMENTS_BUCKET = 'fs_attachments';

/** What is kept of an upload: a display version and a thumbnail. The original is not kept. */
export const attachmentVariant = z.enum(['display', 'thumb']);
export type AttachmentVariant = z.infer<typeof attachmentVariant>;

/** Longest side, in pixels, of each stored version. */
export const variantMaxPx: Record<AttachmentVariant, number> = { display: 1600, thumb: 320 };

/** Per photo, as uploaded: a phone camera's full-size JPEG is 3–8 MB. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS_PER_RECORD = 3;
/** A whole upload form: its photos plus a little for the text fields and multipart framing. */
export const MAX_UPLOAD_BODY_BYTES = MAX_PHOTOS_PER_RECORD * MAX_PHOTO_BYTES + 256 * 1024;

/**
 * What the web server lets a request body be. The adapter's BODY_SIZE_LIMIT is raised to the
 * upload forms' size; every other path keeps the adapter's usual 512 KB, so the raise does not
 * open the sign-in form or the JSON endpoints to large bodies.
 */
export const DEFAULT_BODY_BYTES = 512 * 1024;
// The purchase form (photos), a licence's scan on the register's edit page, and the registry
// import (a spreadsheet of up to 5 MB, which the import checks itself).
const uploadPaths = [
	/^\/m\/[^/]+\/purchase\/?$/,
	// A shop's fix report to a rectification notice (整改), with up to three photos.
	/^\/m\/[^/]+\/rectification\/[^/]+\/?$/,
	/^\/registry\/[^/]+\/edit\/?$/,
	/^\/registry\/import\/?$/,
	// One photo of an inspection at a time (the phone's queue sends them one by one).
	/^\/inspect\/check\/[^/]+\/photo\/?$/,
	// A public complaint (投诉举报), with up to three photos; rate-limited per address and shop.
	/^\/p\/[^/]+\/complaint\/?$/
];

export function bodyLimitOf(pathname: string): number {
	return uploadPaths.some((p) => p.test(pathname)) ? MAX_UPLOAD_BODY_BYTES : DEFAULT_BODY_BYTES;
}

/** Formats a photo may really be (read from its bytes, never from its name or declared type). */
export const acceptedImageFormats = ['jpeg', 'png', 'webp', 'heif'] as const;

/**
 * Stored beside each version: whose it is (for the access check, the same as the record's),
 * which record it belongs to, who uploaded it, and what the bytes are.
 */
export const attachmentMeta = z.object({
	attachmentId,
	variant: attachmentVariant,
	merchantId: entityId,
	districtId,
	/** The record it belongs to: its event type and id (and, for a purchase, the lot). */
	recordType: z.string().min(1).max(64),
	recordId: z.uuid(),
	lotId: entityId.optional(),
	uploadedBy: z.string().min(1).max(64),
	uploadedAt: z.iso.datetime({ offset: true }),
	contentType: z.enum(['image/jpeg', 'image/webp']),
	width: z.number().int().positive(),
	height: z.number().int().positive(),
	bytes: z.number().int().positive(),
	/** Hex SHA-256 of the stored bytes: the ETag. */
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	/** Hex SHA-256 of the upload as received, to recognise the same photo sent twice. */
	sourceSha256: z.string().regex(/^[0-9a-f]{64}$/)
});
export type AttachmentMeta = z.infer<typeof attachmentMeta>;

/** The object's name in the bucket for one version of an attachment. */
export function objectName(id: AttachmentId, variant: AttachmentVariant): string {
	return `${id}/${variant}`;
}

/** A fresh attachment id from a UUIDv7 (time-ordered). */
export function attachmentIdOf(uuid: string): AttachmentId {
	return `att_${uuid.replaceAll('-', '')}`;
}
