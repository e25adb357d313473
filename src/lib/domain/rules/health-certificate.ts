import type { AlertDraft } from '../alert';
import type { FsEventOf } from '../events';
import { localDay } from '../time';

export interface StaffCertificate {
	staffId: string;
	name: string;
	certValidTo: string | null;
	removed: boolean;
}

/**
 * A food handler's health certificate (健康证) past its end date: they may not handle food until
 * it is renewed (食品安全法 art. 45). One alert per person and end date.
 */
export function healthCertificateExpired(
	merchant: { merchantId: string; districtId: string },
	staff: StaffCertificate,
	today: string
): AlertDraft | null {
	if (staff.removed || !staff.certValidTo || staff.certValidTo >= today) return null;
	return {
		rule: 'health_certificate_expired',
		severity: 'medium',
		merchantId: merchant.merchantId,
		districtId: merchant.districtId,
		period: `${staff.staffId}:${staff.certValidTo}`,
		facts: { staffName: staff.name, validTo: staff.certValidTo },
		evidence: []
	};
}

/**
 * Someone present at the morning check without a valid health certificate on that day is
 * working without one: worse than a lapsed paper, hence its own, higher alert. People the
 * roster does not know are not judged (their certificate is unknown, not missing).
 */
export function staffWorkingWithoutCertificate(
	check: FsEventOf<'ledger.morning_check.recorded'>,
	staffOf: (staffId: string) => StaffCertificate | undefined,
	timeZone?: string
): AlertDraft[] {
	const day = localDay(check.occurredAt, timeZone);
	const drafts: AlertDraft[] = [];
	for (const entry of check.payload.entries) {
		if (!entry.present) continue;
		const staff = staffOf(entry.staffId);
		if (!staff || (staff.certValidTo && staff.certValidTo >= day)) continue;
		drafts.push({
			rule: 'staff_without_valid_certificate',
			severity: 'high',
			merchantId: check.merchantId,
			districtId: check.districtId,
			period: `${entry.staffId}:${day}`,
			facts: { staffName: staff.name, validTo: staff.certValidTo ?? '—', day },
			evidence: [check.id]
		});
	}
	return drafts;
}
