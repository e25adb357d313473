import { describe, expect, it } from 'vitest';
import { expiryWarning, healthCertificateExpiring, licenceExpiring } from './expiry-warnings';
import type { LicenceState } from './licence-expired';

const at = { merchantId: 'm1', districtId: '370102' };
const licence = (validTo: string, revoked = false): LicenceState => ({
	licenceId: 'l1',
	number: 'JY1',
	validTo,
	revoked,
	sourceEventId: 'e1'
});

describe('expiry warnings', () => {
	it('rules - 30 days before the end is low, 7 days medium, and nothing once lapsed', () => {
		const today = '2026-11-28';
		expect(expiryWarning('2026-12-29', today)).toBeNull();
		expect(expiryWarning('2026-12-28', today)).toEqual({ within: 30, severity: 'low' });
		expect(expiryWarning('2026-12-06', today)).toEqual({ within: 30, severity: 'low' });
		expect(expiryWarning('2026-12-05', today)).toEqual({ within: 7, severity: 'medium' });
		// Valid through today: the last day still warns, the day after is the expired rule's.
		expect(expiryWarning('2026-11-28', today)).toEqual({ within: 7, severity: 'medium' });
		expect(expiryWarning('2026-11-27', today)).toBeNull();
		// Across the October clock change the day count stays whole.
		expect(expiryWarning('2026-11-01', '2026-10-25')).toEqual({ within: 7, severity: 'medium' });
	});

	it('rules - a licence warns once per threshold and end date; a renewal starts afresh; revoked ones are not warned about', () => {
		expect(licenceExpiring(at, licence('2026-12-20'), '2026-11-28')).toMatchObject({
			rule: 'licence_expiring',
			severity: 'low',
			period: 'l1:2026-12-20:30d',
			facts: { licenceNumber: 'JY1', validTo: '2026-12-20', within: 30 },
			evidence: ['e1']
		});
		expect(licenceExpiring(at, licence('2026-12-20'), '2026-12-14')?.period).toBe(
			'l1:2026-12-20:7d'
		);
		expect(licenceExpiring(at, licence('2027-12-20'), '2026-12-14')).toBeNull();
		expect(licenceExpiring(at, licence('2026-12-20', true), '2026-12-14')).toBeNull();
		expect(licenceExpiring(at, licence('2026-12-20'), '2026-12-21')).toBeNull();
	});

	it('rules - a health certificate warns per person and end date; leavers and unknown dates are not judged', () => {
		const staff = (certValidTo: string | null, removed = false) => ({
			staffId: 's1',
			name: '张小三',
			certValidTo,
			removed
		});
		expect(healthCertificateExpiring(at, staff('2026-12-01'), '2026-11-28')).toMatchObject({
			rule: 'health_certificate_expiring',
			severity: 'medium',
			period: 's1:2026-12-01:7d',
			facts: { staffName: '张小三', validTo: '2026-12-01', within: 7 }
		});
		expect(healthCertificateExpiring(at, staff('2026-12-01', true), '2026-11-28')).toBeNull();
		expect(healthCertificateExpiring(at, staff(null), '2026-11-28')).toBeNull();
		expect(healthCertificateExpiring(at, staff('2026-11-27'), '2026-11-28')).toBeNull();
	});
});
