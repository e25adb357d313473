import type { Alert } from '$lib/domain/alert';
import type { TicketClaims } from '$lib/domain/auth/claims';
import { complaintFiled, complaintReplied } from '$lib/domain/events/public';
import { eventList } from '$lib/domain/read-model';
import { readApi } from '$lib/server/read-api';

/**
 * The complaint behind a `complaint_filed` alert, for the regulators handling it: the text,
 * photos and contact (theirs to see, read with their ticket) and the replies given so far.
 */
export async function complaintOfAlert(claims: TicketClaims, alert: Alert) {
	const complaintId = alert.facts.complaintId;
	if (alert.rule !== 'complaint_filed' || typeof complaintId !== 'string') return null;
	const id = encodeURIComponent(alert.merchantId);
	const of = (type: string) =>
		readApi(claims, `/api/events?merchantId=${id}&type=${type}&limit=500`, eventList);
	const [filed, replied] = await Promise.all([of('complaint.filed'), of('complaint.replied')]);
	const event = filed.items.find(
		(e) => complaintFiled.safeParse(e.payload).data?.complaintId === complaintId
	);
	const payload = event && complaintFiled.parse(event.payload);
	if (!event || !payload) return null;
	const replies = replied.items.flatMap((e) => {
		const p = complaintReplied.safeParse(e.payload);
		return p.success && p.data.complaintId === complaintId
			? [{ ...p.data, at: e.occurredAt, by: e.actorId }]
			: [];
	});
	return {
		...payload,
		filedAt: event.occurredAt,
		replies: replies.sort((a, b) => a.at.localeCompare(b.at))
	};
}
