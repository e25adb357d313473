import { z } from 'zod';
import { attachmentId, MAX_PHOTOS_PER_RECORD } from '../attachments';
import { entityId } from '../ids';
import type { AlertAction } from '../alerts/lifecycle';
import { slaSteps } from '../alerts/sla';
import { isoInstant, shortText } from './common';
import type { FsEvent } from './index';

/**
 * Every lifecycle step names its alert (`<rule>:<merchantId>:<period>`) and, when a person took
 * it, the version they saw (`after`: the alert's lastEventId, '' for a fresh alert): a step on an
 * alert that changed since is refused, so two supervisors never act on different pictures.
 */
const alertRef = {
	alertId: z.string().min(1).max(200),
	after: z.string().max(64).optional()
};

export const alertAcknowledged = z.object({ ...alertRef });
/** 整改通知: the rectification notice sent to the merchant, with the date it must be fixed by. */
export const alertNotified = z.object({
	...alertRef,
	deadline: isoInstant,
	notice: shortText(1_000)
});
export const alertFixReported = z.object({
	...alertRef,
	note: shortText(1_000),
	attachmentIds: z.array(attachmentId).max(MAX_PHOTOS_PER_RECORD).optional()
});
export const alertVerified = z.object({ ...alertRef, how: z.enum(['remote', 'visit']) });
export const alertClosed = z.object({ ...alertRef });
/**
 * `auto`: the processor escalated a breached SLA; then `step` and `dueAt` name the breach (its
 * event id derives from them, so the escalation is published once whatever happens).
 */
export const alertEscalated = z.object({
	...alertRef,
	reason: shortText(500),
	auto: z.boolean(),
	step: z.enum(slaSteps).optional(),
	dueAt: isoInstant.optional()
});
export const alertDismissed = z.object({ ...alertRef, reason: shortText(500) });

/**
 * A detection by external video analytics (no mask, no chef hat, a rat, smoking…): the `ai`
 * family, open to any analytics vendor. A rule turns a confident one into an alert.
 */
export const aiDetectionReported = z.object({
	/** The camera or analytics source. */
	sourceId: entityId,
	label: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a snake_case label'),
	confidence: z.number().min(0).max(1),
	evidenceUrl: z
		.url({ protocol: /^https?$/ })
		.max(500)
		.optional(),
	attachmentId: attachmentId.optional()
});

/** The version of the alert a person's step was taken on (undefined: the system's own steps). */
export function alertStepAfter(e: FsEvent): string | undefined {
	return e.type.startsWith('alert.') && 'after' in e.payload
		? (e.payload as { after?: string }).after
		: undefined;
}

/** The lifecycle action an `alert.*` event asks for, and its alert; null for other events. */
export function alertActionOf(e: FsEvent): { alertId: string; action: AlertAction } | null {
	switch (e.type) {
		case 'alert.acknowledged':
			return { alertId: e.payload.alertId, action: { kind: 'acknowledge' } };
		case 'alert.notified':
			return {
				alertId: e.payload.alertId,
				action: { kind: 'notify', deadline: e.payload.deadline, notice: e.payload.notice }
			};
		case 'alert.fix_reported':
			return {
				alertId: e.payload.alertId,
				action: { kind: 'report_fix', note: e.payload.note, attachmentIds: e.payload.attachmentIds }
			};
		case 'alert.verified':
			return { alertId: e.payload.alertId, action: { kind: 'verify', how: e.payload.how } };
		case 'alert.closed':
			return { alertId: e.payload.alertId, action: { kind: 'close' } };
		case 'alert.escalated':
			return {
				alertId: e.payload.alertId,
				action: { kind: 'escalate', reason: e.payload.reason, auto: e.payload.auto }
			};
		case 'alert.dismissed':
			return { alertId: e.payload.alertId, action: { kind: 'dismiss', reason: e.payload.reason } };
		default:
			return null;
	}
}
