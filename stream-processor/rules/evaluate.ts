import type { AlertDraft } from '../../src/lib/domain/alert';
import type { FsEvent } from '../../src/lib/domain/events';
import { expiredLotSold } from '../../src/lib/domain/rules/expired-lot-sold';
import { licenceExpired } from '../../src/lib/domain/rules/licence-expired';
import { localDay } from '../../src/lib/domain/time';
import type { MerchantRecord } from '../state/merchant-state';

/** The rules an event can trigger, given its merchant's state after the event. */
export function rulesForEvent(
	m: MerchantRecord,
	e: FsEvent,
	timeZone: string,
	now: number
): AlertDraft[] {
	switch (e.type) {
		case 'till.sale.recorded':
			return expiredLotSold(e, (lotId) => m.lots.get(lotId), timeZone);
		case 'licence.issued':
		case 'licence.renewed': {
			const l = m.licences.get(e.payload.licenceId);
			const draft =
				l &&
				licenceExpired({ merchantId: m.id, districtId: m.districtId }, l, localDay(now, timeZone));
			return draft ? [draft] : [];
		}
		default:
			return [];
	}
}

/** Rules of the clock: a licence lapses at midnight without any event saying so. */
export function rulesForClock(m: MerchantRecord, today: string): AlertDraft[] {
	const drafts: AlertDraft[] = [];
	for (const l of m.licences.values()) {
		const d = licenceExpired({ merchantId: m.id, districtId: m.districtId }, l, today);
		if (d) drafts.push(d);
	}
	return drafts;
}
