import { describe, expect, it } from 'vitest';
import { makeEvent } from '../events/make';
import { localDay, localMinuteOfDay } from '../time';
import { healthCertificateExpired, staffWorkingWithoutCertificate } from './health-certificate';
import { morningCheckMissing, type MorningCheckState } from './morning-check-missing';

const at = { merchantId: 'm1', districtId: '370102' };
const clockAt = (instant: string, tz = 'Asia/Shanghai') => ({
	day: localDay(instant, tz),
	minuteOfDay: localMinuteOfDay(new Date(instant), tz)
});
const kitchen = (lastMorningCheckAt: string | null): MorningCheckState => ({
	...at,
	operating: true,
	businessType: 'restaurant',
	staffCount: 3,
	lastMorningCheckAt
});

describe('morning check missing', () => {
	it('rules - due at 10:00 on the district clock, not UTC', () => {
		// 01:59 UTC is 09:59 in Jinan: not due yet. 02:00 UTC is 10:00: due.
		expect(morningCheckMissing(kitchen(null), clockAt('2026-11-28T01:59:00Z'))).toBeNull();
		expect(morningCheckMissing(kitchen(null), clockAt('2026-11-28T02:00:00Z'))).toMatchObject({
			rule: 'morning_check_missing',
			period: '2026-11-28',
			facts: { day: '2026-11-28', due: '10:00' }
		});
	});

	it('rules - a check just after local midnight counts for that day, one the evening before does not', () => {
		// 16:30 UTC on the 27th is 00:30 on the 28th in Jinan.
		expect(
			morningCheckMissing(kitchen('2026-11-27T16:30:00Z'), clockAt('2026-11-28T03:00:00Z'))
		).toBeNull();
		// 15:30 UTC on the 27th is 23:30 on the 27th: yesterday's.
		expect(
			morningCheckMissing(kitchen('2026-11-27T15:30:00Z'), clockAt('2026-11-28T03:00:00Z'))
		).not.toBeNull();
	});

	it('rules - a district clock with daylight saving keeps its local 10:00', () => {
		// 2026-03-08, New York springs forward at 02:00: 10:00 local is 14:00 UTC (not 15:00).
		const tz = 'America/New_York';
		expect(morningCheckMissing(kitchen(null), clockAt('2026-03-08T13:59:00Z', tz), tz)).toBeNull();
		expect(
			morningCheckMissing(kitchen(null), clockAt('2026-03-08T14:00:00Z', tz), tz)
		).not.toBeNull();
		// The day before (no DST yet) 10:00 local is 15:00 UTC.
		expect(morningCheckMissing(kitchen(null), clockAt('2026-03-07T14:30:00Z', tz), tz)).toBeNull();
	});

	it('rules - closed kitchens, empty rosters and shops that owe no check are not judged', () => {
		const noon = clockAt('2026-11-28T04:00:00Z');
		expect(morningCheckMissing({ ...kitchen(null), operating: false }, noon)).toBeNull();
		expect(morningCheckMissing({ ...kitchen(null), staffCount: 0 }, noon)).toBeNull();
		expect(
			morningCheckMissing({ ...kitchen(null), businessType: 'market_stall' }, noon)
		).toBeNull();
		expect(
			morningCheckMissing({ ...kitchen(null), businessType: 'school_canteen' }, noon)
		).not.toBeNull();
	});
});

describe('health certificates', () => {
	const staff = (certValidTo: string | null, removed = false) => ({
		staffId: 's1',
		name: '张小三',
		certValidTo,
		removed
	});

	it('rules - a certificate lapses the day after its end date; leavers are not judged', () => {
		expect(healthCertificateExpired(at, staff('2026-11-28'), '2026-11-28')).toBeNull();
		expect(healthCertificateExpired(at, staff('2026-11-27'), '2026-11-28')).toMatchObject({
			rule: 'health_certificate_expired',
			period: 's1:2026-11-27'
		});
		expect(healthCertificateExpired(at, staff('2026-11-27', true), '2026-11-28')).toBeNull();
		expect(healthCertificateExpired(at, staff(null), '2026-11-28')).toBeNull();
	});

	it('rules - working at the morning check without a valid certificate, on the local day', () => {
		const check = (occurredAt: string, present = true) =>
			makeEvent({
				type: 'ledger.morning_check.recorded',
				merchantId: 'm1',
				districtId: '370102',
				actor: { kind: 'staff', id: 'u1' },
				occurredAt,
				payload: {
					checkedBy: '店长',
					entries: [
						{ staffId: 's1', staffName: '张小三', present, symptoms: [], fitForWork: present }
					]
				}
			});
		const roster = (validTo: string | null) => () => staff(validTo);
		// 16:30 UTC on the 27th is the 28th in Jinan: a certificate valid to the 27th has lapsed.
		expect(
			staffWorkingWithoutCertificate(check('2026-11-27T16:30:00Z'), roster('2026-11-27'))
		).toEqual([
			expect.objectContaining({
				rule: 'staff_without_valid_certificate',
				period: 's1:2026-11-28',
				severity: 'high'
			})
		]);
		expect(
			staffWorkingWithoutCertificate(check('2026-11-27T15:30:00Z'), roster('2026-11-27'))
		).toEqual([]);
		expect(
			staffWorkingWithoutCertificate(check('2026-11-28T01:00:00Z'), roster(null))
		).toHaveLength(1);
		expect(
			staffWorkingWithoutCertificate(check('2026-11-28T01:00:00Z', false), roster(null))
		).toEqual([]);
		expect(staffWorkingWithoutCertificate(check('2026-11-28T01:00:00Z'), () => undefined)).toEqual(
			[]
		);
	});
});
