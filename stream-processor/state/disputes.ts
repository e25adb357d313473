import type { FsEvent } from '../../src/lib/domain/events';
import type { EntityRow } from './apply';
import type { DisputeRecord, MerchantRecord } from './merchant-state';

type DisputeEvent = Extract<
	FsEvent,
	{ type: 'ledger.entry.disputed' | 'ledger.dispute.answered' | 'ledger.dispute.closed' }
>;

/**
 * 异议/复核 as state: opened by a supervisor, answered by the merchant (again, if asked), closed
 * by a supervisor. A step out of order (an answer to a closed or unknown dispute) is kept as an
 * event and changes nothing: the web checks the order before publishing, this is the backstop.
 */
export function applyDispute(m: MerchantRecord, e: DisputeEvent, version: number): EntityRow[] {
	if (e.type === 'ledger.entry.disputed') {
		if (m.disputes.has(e.payload.disputeId)) return [];
		const d: DisputeRecord = {
			disputeId: e.payload.disputeId,
			entryId: e.payload.entryId,
			entryType: e.payload.entryType,
			entryAt: e.payload.entryAt,
			status: 'open',
			reason: e.payload.reason,
			raisedBy: e.actor.id,
			raisedAt: e.occurredAt,
			answer: '',
			answeredBy: '',
			answeredAt: null,
			outcome: '',
			closingNote: '',
			closedBy: '',
			closedAt: null
		};
		m.disputes.set(d.disputeId, d);
		return [disputeRow(e, d, version)];
	}
	const d = m.disputes.get(e.payload.disputeId);
	if (!d) return [];
	if (e.type === 'ledger.dispute.answered') {
		Object.assign(d, {
			status: 'answered',
			answer: e.payload.answer,
			answeredBy: e.actor.id,
			answeredAt: e.occurredAt
		});
	} else {
		Object.assign(d, {
			status: 'closed',
			outcome: e.payload.outcome,
			closingNote: e.payload.note ?? '',
			closedBy: e.actor.id,
			closedAt: e.occurredAt
		});
		m.disputes.delete(d.disputeId);
	}
	return [disputeRow(e, d, version)];
}

function disputeRow(e: FsEvent, d: DisputeRecord, version: number): EntityRow {
	return {
		table: 'ledger_disputes',
		row: { merchantId: e.merchantId, districtId: e.districtId, ...d, version }
	};
}
