import type { AlertDraft } from '../alert';

export interface LicenceState {
	licenceId: string;
	number: string;
	validTo: string;
	revoked: boolean;
	/** The event that last set validTo: evidence for the alert ('' when not known). */
	sourceEventId: string;
}

/**
 * A food business licence past its end date means the merchant trades without a licence
 * (食品经营许可管理办法). One alert per licence and end date: renewing and lapsing again is a new one.
 */
export function licenceExpired(
	merchant: { merchantId: string; districtId: string },
	licence: LicenceState,
	today: string
): AlertDraft | null {
	if (licence.revoked || licence.validTo >= today) return null;
	return {
		rule: 'licence_expired',
		severity: 'high',
		merchantId: merchant.merchantId,
		districtId: merchant.districtId,
		period: `${licence.licenceId}:${licence.validTo}`,
		facts: { licenceNumber: licence.number, validTo: licence.validTo },
		evidence: licence.sourceEventId ? [licence.sourceEventId] : []
	};
}
