import { z } from 'zod';
import type { Alert, AlertStatus } from '../alert';
import type { Role } from '../auth/claims';
import type { AlertAction, AlertActionKind } from './lifecycle';
import { alertTransitions } from './lifecycle';

/** What the bureau's people may do to an alert; report_fix is the merchant's step. */
const regulatorActions: readonly AlertActionKind[] = [
	'acknowledge',
	'notify',
	'verify',
	'close',
	'escalate',
	'dismiss'
];

/** Who may take which step: admins and supervisors act, inspectors read, the shop reports fixes. */
export function mayTakeAction(role: Role, kind: AlertActionKind): boolean {
	if (role === 'admin' || role === 'supervisor') return regulatorActions.includes(kind);
	if (role === 'merchant_owner' || role === 'merchant_staff') return kind === 'report_fix';
	return false;
}

/**
 * The steps a viewer in `role` could take on this alert now (the detail page's buttons). A
 * verification on site before a fix report comes with the inspection, not from this page.
 */
export function actionsAllowed(alert: Pick<Alert, 'status'>, role: Role): AlertActionKind[] {
	return (Object.keys(alertTransitions[alert.status]) as AlertActionKind[]).filter((k) =>
		mayTakeAction(role, k)
	);
}

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A regulator's action as a form sends it. The deadline is a local date-time from the form
 * (`YYYY-MM-DDTHH:mm`), read on the districts' clock by the caller (`toInstant`).
 */
export const alertActionForm = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('acknowledge') }),
	z.object({
		kind: z.literal('notify'),
		deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/),
		notice: text(1_000)
	}),
	z.object({ kind: z.literal('verify'), how: z.enum(['remote', 'visit']) }),
	z.object({ kind: z.literal('close') }),
	z.object({ kind: z.literal('escalate'), reason: text(500) }),
	z.object({ kind: z.literal('dismiss'), reason: text(500) })
]);
export type AlertActionForm = z.infer<typeof alertActionForm>;

/**
 * The form as a lifecycle action, or which field is wrong. `toInstant` turns the form's local
 * deadline into an instant (a date alone means the end of that day), '' when it is no date.
 */
export function actionOfForm(
	fields: Record<string, unknown>,
	toInstant: (local: string) => string
): { ok: true; action: AlertAction } | { ok: false; problem: string } {
	const parsed = alertActionForm.safeParse(fields);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return { ok: false, problem: String(issue?.path[0] ?? 'kind') };
	}
	const f = parsed.data;
	switch (f.kind) {
		case 'notify': {
			const deadline = toInstant(f.deadline);
			if (!deadline) return { ok: false, problem: 'deadline' };
			return { ok: true, action: { kind: 'notify', deadline, notice: f.notice } };
		}
		case 'escalate':
			return { ok: true, action: { kind: 'escalate', reason: f.reason, auto: false } };
		default:
			return { ok: true, action: f };
	}
}

/** The `alert.*` event (type and payload) that asks for this action on this alert. */
export function eventOfAction(alertId: string, action: AlertAction, after?: string) {
	const event = eventOfStep(alertId, action);
	return after === undefined ? event : { ...event, payload: { ...event.payload, after } };
}

function eventOfStep(alertId: string, action: AlertAction) {
	switch (action.kind) {
		case 'acknowledge':
			return { type: 'alert.acknowledged' as const, payload: { alertId } };
		case 'notify':
			return {
				type: 'alert.notified' as const,
				payload: { alertId, deadline: action.deadline, notice: action.notice }
			};
		case 'report_fix':
			return {
				type: 'alert.fix_reported' as const,
				payload: {
					alertId,
					note: action.note,
					...(action.attachmentIds?.length ? { attachmentIds: action.attachmentIds } : {})
				}
			};
		case 'verify':
			return { type: 'alert.verified' as const, payload: { alertId, how: action.how } };
		case 'close':
			return { type: 'alert.closed' as const, payload: { alertId } };
		case 'escalate':
			return {
				type: 'alert.escalated' as const,
				payload: { alertId, reason: action.reason, auto: action.auto }
			};
		case 'dismiss':
			return { type: 'alert.dismissed' as const, payload: { alertId, reason: action.reason } };
	}
}

/**
 * A person's step as an event id: the same step on the same version of the alert is the same
 * event, so a double submit or a browser's retry is one step (NATS and the processor drop the copy).
 */
export function stepKey(alert: Pick<Alert, 'id' | 'lastEventId'>, kind: AlertActionKind): string {
	return `alert-step|${alert.id}|${alert.lastEventId ?? ''}|${kind}`;
}

/** Why one alert of a bulk action was refused: the page words it, the reason is for the log. */
export interface Refusal {
	id: string;
	/** not_applied: published, but the alert had changed meanwhile (or the processor is behind). */
	code: 'not_found' | 'not_allowed' | 'deadline' | 'not_applied';
	/** The alert's state when it was refused (absent when it was not found). */
	status?: AlertStatus;
	reason: string;
}

/** What a bulk action reports: which were done and why each other one was refused. */
export interface BulkOutcome {
	done: string[];
	refused: Refusal[];
}

/**
 * The outcome of a bulk action over the selected ids: those not readable by the viewer (outside
 * the scope, or gone) are refused as not found, whatever the lifecycle would say.
 */
export function bulkOutcome(
	selected: readonly string[],
	found: ReadonlyMap<string, Alert>,
	kind: AlertActionKind,
	plan: { allowed: Alert[]; refused: { id: string; reason: string }[] }
): BulkOutcome {
	const refusedById = new Map(plan.refused.map((r) => [r.id, r.reason]));
	const allowed = new Set(plan.allowed.map((a) => a.id));
	const out: BulkOutcome = { done: [], refused: [] };
	for (const id of new Set(selected)) {
		const a = found.get(id);
		if (!a) {
			out.refused.push({ id, code: 'not_found', reason: `no alert ${id} in your districts` });
		} else if (allowed.has(id)) out.done.push(id);
		else {
			const code = alertTransitions[a.status][kind] ? 'deadline' : 'not_allowed';
			out.refused.push({ id, code, status: a.status, reason: refusedById.get(id) ?? code });
		}
	}
	return out;
}
