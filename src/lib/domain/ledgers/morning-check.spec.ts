import { describe, expect, it } from 'vitest';
import { certificateStatus, fitForWork } from './morning-check';

describe('morning check', () => {
	it('ledger - fit for work: present, no symptom, below 37.3 °C', () => {
		expect(fitForWork({ present: true, symptoms: [] })).toBe(true);
		expect(fitForWork({ present: true, temperatureC: 36.8, symptoms: [] })).toBe(true);
		expect(fitForWork({ present: true, temperatureC: 37.3, symptoms: [] })).toBe(false);
		expect(fitForWork({ present: true, temperatureC: 36.5, symptoms: ['hand_wound'] })).toBe(false);
		expect(fitForWork({ present: false, symptoms: [] })).toBe(false);
	});

	it('ledger - health certificate status on a day', () => {
		expect(certificateStatus(null, '2026-11-28')).toBe('missing');
		expect(certificateStatus('2026-11-27', '2026-11-28')).toBe('expired');
		expect(certificateStatus('2026-11-28', '2026-11-28')).toBe('expiring');
		expect(certificateStatus('2026-12-28', '2026-11-28')).toBe('expiring');
		expect(certificateStatus('2026-12-29', '2026-11-28')).toBe('valid');
	});
});
