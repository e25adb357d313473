import { error, json } from '@sveltejs/kit';
import { checklistFor } from '$lib/domain/inspections/checklist';
import { storedInspection } from '$lib/domain/inspections/read-model';
import {
	inspectionPayload,
	inspectionSubmission,
	slotsOf
} from '$lib/domain/inspections/submission';
import { localDay } from '$lib/domain/time';
import { attachmentStore } from '$lib/server/attachments/attachments';
import { inspectionAttachmentId, inspectionEventId } from '$lib/server/inspections/ids';
import { hasInspectionPhoto } from '$lib/server/inspections/photos';
import { nats } from '$lib/server/nats';
import { readApi, ReadApiError } from '$lib/server/read-api';
import { recordEvent, untilStored } from '$lib/server/record-event';
import { inspectedMerchant } from '../../../inspected.server';
import type { RequestHandler } from './$types';

/** A queued visit may reach the server days later, never from the future. */
const MAX_AGE_MS = 30 * 86_400_000;
const MAX_AHEAD_MS = 5 * 60_000;

/**
 * The inspection, once its photos are stored: judged again here (the phone is not trusted),
 * published with the event id its inspection id gives, and answered once the store holds it.
 * A visit already stored is answered as stored without publishing again.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const { viewer, merchant } = await inspectedMerchant(locals, params.merchantId);
	const parsed = inspectionSubmission.safeParse(await request.json().catch(() => null));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return json(
			{ problem: 'invalid', detail: `${issue?.path.join('.')}: ${issue?.message}` },
			{ status: 400 }
		);
	}
	const s = parsed.data;
	const completedAt = Date.parse(s.completedAt);
	const now = Date.now();
	if (completedAt > now + MAX_AHEAD_MS || completedAt < now - MAX_AGE_MS) {
		return json({ problem: 'time' }, { status: 400 });
	}
	try {
		const stored = await readApi(
			viewer.claims,
			`/api/inspections/${encodeURIComponent(s.inspectionId)}`,
			storedInspection
		);
		if (stored.merchantId !== merchant.id) error(409, 'inspection id of another merchant');
		return json({ status: 'stored', inspectionId: s.inspectionId });
	} catch (e) {
		if (!(e instanceof ReadApiError && e.status === 404)) throw e;
	}
	const eventId = inspectionEventId(s.inspectionId);
	const store = await attachmentStore((await nats()).nc);
	const missing = [];
	for (const slot of slotsOf(s)) {
		if (!(await hasInspectionPhoto(store, inspectionAttachmentId(s.inspectionId, slot), eventId))) {
			missing.push(slot);
		}
	}
	// The phone sends its photos first; one not there yet is sent again, then the visit.
	if (missing.length) return json({ problem: 'photos_missing', missing }, { status: 409 });
	const built = inspectionPayload(
		checklistFor(merchant.businessType),
		s,
		viewer.user.username,
		localDay(completedAt),
		(slot) => inspectionAttachmentId(s.inspectionId, slot)
	);
	if (!built.ok) return json({ problem: built.problem }, { status: 422 });
	const { event } = await recordEvent(viewer, {
		id: eventId,
		type: 'inspection.completed',
		merchantId: merchant.id,
		districtId: merchant.districtId,
		occurredAt: new Date(completedAt).toISOString(),
		payload: built.payload
	});
	await untilStored(viewer.claims, event);
	return json({ status: 'stored', inspectionId: s.inspectionId });
};
