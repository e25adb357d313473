import type { AlertDraft, AlertSeverity } from '../alert';
import type { FsEventOf } from '../events';

type Category = FsEventOf<'complaint.filed'>['payload']['category'];

/** A suspected food-borne illness is urgent; a price dispute is for the bureau's other desk. */
export const complaintSeverity: Record<Category, AlertSeverity> = {
	illness: 'high',
	foreign_object: 'medium',
	expired_food: 'medium',
	hygiene: 'medium',
	price: 'low',
	other: 'low'
};

/**
 * 投诉举报: every complaint is an alert to handle (one per complaint), so it enters the same loop
 * as the system's own findings and its outcome can be told to the complainant. The text stays
 * in the event (it may name people): the alert carries only the category and the channel.
 */
export function complaintFiled(e: FsEventOf<'complaint.filed'>): AlertDraft {
	const p = e.payload;
	return {
		rule: 'complaint_filed',
		severity: complaintSeverity[p.category],
		merchantId: e.merchantId,
		districtId: e.districtId,
		period: p.complaintId,
		source: `complaint:${p.channel}`,
		facts: { category: p.category, channel: p.channel, complaintId: p.complaintId },
		evidence: [e.id]
	};
}
