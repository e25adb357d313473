import type { AlertDraft, AlertSeverity } from '../alert';
import type { StaffCertificate } from './health-certificate';
import type { LicenceState } from './licence-expired';

/**
 * Warnings before a licence or a health certificate lapses, nearest first: within 7 days is
 * medium, within 30 days low. Each threshold raises once per validity (its period names the
 * end date and the threshold), a renewal starts afresh, and once lapsed the expired rules
 * take over.
 */
export const EXPIRY_WARNINGS: readonly { within: number; severity: AlertSeverity }[] = [
	{ within: 7, severity: 'medium' },
	{ within: 30, severity: 'low' }
];

/**
 * Whole days from `today` to `validTo` (both YYYY-MM-DD, parsed as UTC midnights so a clock
 * change never makes a fraction): 0 on the last valid day, negative once it has passed.
 */
export const daysUntil = (validTo: string, today: string): number =>
	(Date.parse(validTo) - Date.parse(today)) / 86_400_000;

/** The warning due on `today` for an end date (both YYYY-MM-DD, validTo its last valid day). */
export function expiryWarning(
	validTo: string,
	today: string
): { within: number; severity: AlertSeverity } | null {
	const daysLeft = daysUntil(validTo, today);
	if (!(daysLeft >= 0)) return null;
	return EXPIRY_WARNINGS.find((w) => daysLeft <= w.within) ?? null;
}

type At = { merchantId: string; districtId: string };

/** A food business licence that ends within 30 (low) or 7 (medium) days; not once revoked. */
export function licenceExpiring(at: At, licence: LicenceState, today: string): AlertDraft | null {
	const w = !licence.revoked && expiryWarning(licence.validTo, today);
	if (!w) return null;
	return {
		rule: 'licence_expiring',
		severity: w.severity,
		...at,
		period: `${licence.licenceId}:${licence.validTo}:${w.within}d`,
		facts: { licenceNumber: licence.number, validTo: licence.validTo, within: w.within },
		evidence: licence.sourceEventId ? [licence.sourceEventId] : []
	};
}

/** A staff member's health certificate that ends within 30 or 7 days; not for leavers. */
export function healthCertificateExpiring(
	at: At,
	staff: StaffCertificate,
	today: string
): AlertDraft | null {
	const w = !staff.removed && staff.certValidTo && expiryWarning(staff.certValidTo, today);
	if (!w || !staff.certValidTo) return null;
	return {
		rule: 'health_certificate_expiring',
		severity: w.severity,
		...at,
		period: `${staff.staffId}:${staff.certValidTo}:${w.within}d`,
		facts: { staffName: staff.name, validTo: staff.certValidTo, within: w.within },
		evidence: []
	};
}
