import type { AlertDraft } from '../../src/lib/domain/alert';
import type { FsEvent } from '../../src/lib/domain/events';
import { expiredLotSold } from '../../src/lib/domain/rules/expired-lot-sold';
import {
	healthCertificateExpired,
	staffWorkingWithoutCertificate
} from '../../src/lib/domain/rules/health-certificate';
import { licenceExpired } from '../../src/lib/domain/rules/licence-expired';
import { disinfectionTooShort } from '../../src/lib/domain/rules/disinfection';
import { morningCheckMissing } from '../../src/lib/domain/rules/morning-check-missing';
import { sampleRetentionInadequate } from '../../src/lib/domain/rules/sample-retention';
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
		case 'merchant.staff.registered': {
			const staff = m.staff.get(e.payload.staffId);
			const draft =
				staff &&
				healthCertificateExpired(
					{ merchantId: m.id, districtId: m.districtId },
					staff,
					localDay(now, timeZone)
				);
			return draft ? [draft] : [];
		}
		case 'ledger.morning_check.recorded':
			return staffWorkingWithoutCertificate(e, (id) => m.staff.get(id), timeZone);
		case 'ledger.disinfection.recorded': {
			const draft = disinfectionTooShort(e, timeZone);
			return draft ? [draft] : [];
		}
		case 'ledger.sample_retention.recorded': {
			const draft = sampleRetentionInadequate(e, timeZone);
			return draft ? [draft] : [];
		}
		default:
			return [];
	}
}

/**
 * Rules of the clock: a licence or a health certificate lapses at midnight, and a morning check
 * is missing once its due time passes, without any event saying so. `absence` is false while
 * the processor may not have caught up yet (just started): nothing is called missing then.
 */
export function rulesForClock(
	m: MerchantRecord,
	now: { day: string; minuteOfDay: number },
	timeZone: string,
	absence = true
): AlertDraft[] {
	const at = { merchantId: m.id, districtId: m.districtId };
	const drafts: AlertDraft[] = [];
	for (const l of m.licences.values()) {
		const d = licenceExpired(at, l, now.day);
		if (d) drafts.push(d);
	}
	let staffCount = 0;
	for (const s of m.staff.values()) {
		if (!s.removed) staffCount++;
		const d = healthCertificateExpired(at, s, now.day);
		if (d) drafts.push(d);
	}
	if (absence && m.registered) {
		const d = morningCheckMissing(
			{
				...at,
				operating: m.status === 'operating',
				businessType: m.businessType,
				staffCount,
				lastMorningCheckAt: m.lastMorningCheckAt
			},
			now,
			timeZone
		);
		if (d) drafts.push(d);
	}
	return drafts;
}
