import { createHash } from 'node:crypto';
import type { AttachmentId } from '../../domain/attachments';
import type { PhotoSlot } from '../../domain/inspections/submission';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The event id of an inspection (a UUID of version 8 from a hash): made from the inspection id
 * the phone drew when the checklist opened, so a retry after a lost answer, a second tab or a
 * queue replayed after a crash publish the same event, which NATS and the processor keep once.
 */
export function inspectionEventId(inspectionId: string): string {
	const h = digest(`inspection.completed|${inspectionId}`);
	h[6] = (h[6]! & 0x0f) | 0x80;
	h[8] = (h[8]! & 0x3f) | 0x80;
	const x = h.subarray(0, 16).toString('hex');
	return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** One photo's id within an inspection: the same slot sent twice is the same attachment. */
export function inspectionAttachmentId(inspectionId: string, slot: PhotoSlot): AttachmentId {
	return `att_${digest(`inspection.photo|${inspectionId}|${slot}`).subarray(0, 16).toString('hex')}`;
}
