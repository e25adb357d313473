import { fail } from '@sveltejs/kit';
import { actionOfForm, actionsAllowed, mayTakeAction } from '$lib/domain/alerts/actions';
import { defaultSlaPolicy } from '$lib/domain/alerts/sla';
import { localDateTime, localDay } from '$lib/domain/time';
import { windowOf } from '$lib/domain/trace/backward-query';
import { RECALL_READERS } from '../../recalls/recalls.server';
import { viewerOf } from '$lib/server/auth/guard';
import { actOnAlerts, ALERT_ACTORS, alertPageOf, deadlineInstant } from '../alerts.server';
import { z } from 'zod';
import { complaintReplied } from '$lib/domain/events/public';
import { recordEvent } from '$lib/server/record-event';
import { complaintOfAlert } from './complaint.server';
import type { Actions, PageServerLoad } from './$types';

const replyForm = z.object({
	status: complaintReplied.shape.status,
	publicReply: z.string().trim().min(2).max(1_000)
});

/** One alert: its facts, evidence, timeline, notice and fix report, and the steps it allows. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { viewer, detail } = await alertPageOf(locals, params.id);
	const complaint = await complaintOfAlert(viewer.claims, detail.alert);
	return {
		...detail,
		allowed: actionsAllowed(detail.alert, viewer.claims.role),
		mayDispatch: ALERT_ACTORS.some((r) => r === viewer.claims.role),
		// The notice's deadline offered by default: the longest fix the policy gives its severity.
		defaultDeadline: localDateTime(Date.now() + defaultSlaPolicy.fix[detail.alert.severity]),
		now: Date.now(),
		// 投诉举报: the complaint itself and the bureau's answers to the complainant.
		complaint,
		// 反向追溯 of the shop around the day the complainant fell ill (the alert's day if not said).
		backward:
			detail.alert.rule === 'complaint_filed' &&
			RECALL_READERS.some((r) => r === viewer.claims.role)
				? windowOf(undefined, complaint?.happenedOn ?? localDay(detail.alert.raisedAt), '')
				: null
	};
};

export const actions: Actions = {
	/** One step on this alert, checked against its state now (read again, never from the form). */
	act: async ({ locals, params, request }) => {
		const { viewer } = await alertPageOf(locals, params.id, ALERT_ACTORS);
		const fields = Object.fromEntries(await request.formData());
		const parsed = actionOfForm(fields, deadlineInstant);
		if (!parsed.ok) return fail(400, { problem: 'invalid' as const, field: parsed.problem });
		if (!mayTakeAction(viewerOf(locals).claims.role, parsed.action.kind)) {
			return fail(403, { problem: 'forbidden' as const });
		}
		const outcome = await actOnAlerts(viewer, [params.id], parsed.action);
		if (outcome.refused.length > 0) {
			return fail(409, { problem: 'refused' as const, kind: parsed.action.kind, outcome });
		}
		return { kind: parsed.action.kind, outcome };
	},
	/**
	 * 答复: the bureau's answer the complainant reads on the tracking page (status and a public
	 * text). The alert's own lifecycle goes on through its steps.
	 */
	reply: async ({ locals, params, request }) => {
		const { viewer, detail } = await alertPageOf(locals, params.id, ALERT_ACTORS);
		const complaintId = detail.alert.facts.complaintId;
		if (detail.alert.rule !== 'complaint_filed' || typeof complaintId !== 'string') {
			return fail(400, { problem: 'not_complaint' as const });
		}
		const parsed = replyForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: 'reply_invalid' as const });
		await recordEvent(viewer, {
			type: 'complaint.replied',
			merchantId: detail.alert.merchantId,
			districtId: detail.alert.districtId,
			payload: { complaintId, ...parsed.data }
		});
		return { replied: parsed.data.status };
	}
};
