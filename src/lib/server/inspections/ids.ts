import { createHash } from 'node:crypto';
import type { AttachmentId } from '../../domain/attachments';
import type { PhotoSlot } from '../../domain/inspections/submission';
import { stableEventId } from '../backbone/stable-id';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The event id of an inspection (a UUID of version 8 from a hash): made from the inspection id
 * the phone drew when the checklist opened, so a retry after a lost answer, a second tab or a
 * queue replayed after a crash publish the same event, which NATS and the processor keep once.
 */
export function inspectionEventId(inspectionId: string): string {
	return stableEventId(`inspection.completed|${inspectionId}`);
}

/** One photo's id within an inspection: the same slot sent twice is the same attachment. */
export function inspectionAttachmentId(inspectionId: string, slot: PhotoSlot): AttachmentId {
	return `att_${digest(`inspection.photo|${inspectionId}|${slot}`).subarray(0, 16).toString('hex')}`;
}
