import { describe, expect, it } from 'vitest';
import { localDay, localMinuteOfDay } from '../time';
import { disinfectionMissing, sampleMissing, type MealLedgerState } from './meal-absence';
import { samplesRequired } from './meal-services';

const clockAt = (instant: string, tz = 'Asia/Shanghai') => ({
	day: localDay(instant, tz),
	minuteOfDay: localMinuteOfDay(new Date(instant), tz)
});
const kitchen = (over: Partial<MealLedgerState> = {}): MealLedgerState => ({
	merchantId: 'm1',
	districtId: '370102',
	operating: true,
	businessType: 'restaurant',
	scale: 'large',
	staffCount: 4,
	knownSince: '2026-01-01T00:00:00Z',
	disinfections: [],
	samples: [],
	...over
});
const ms = (iso: string) => Date.parse(iso);
const periods = (drafts: { period: string }[]) => drafts.map((d) => d.period);

describe('disinfection missing', () => {
	it('rules - lunch (11:00–14:00) is due at 15:00 on the district clock, dinner at 22:00', () => {
		// 06:59 UTC is 14:59 in Jinan: nothing due. 07:00 UTC is 15:00: lunch is.
		expect(disinfectionMissing(kitchen(), clockAt('2026-11-28T06:59:00Z'))).toEqual([]);
		expect(disinfectionMissing(kitchen(), clockAt('2026-11-28T07:00:00Z'))).toEqual([
			expect.objectContaining({
				rule: 'disinfection_missing',
				severity: 'medium',
				period: '2026-11-28:lunch',
				facts: { day: '2026-11-28', meal: 'lunch', from: '11:00', to: '14:00', due: '15:00' },
				evidence: []
			})
		]);
		expect(periods(disinfectionMissing(kitchen(), clockAt('2026-11-28T14:00:00Z')))).toEqual([
			'2026-11-28:lunch',
			'2026-11-28:dinner'
		]);
	});

	it('rules - a tableware disinfection between the service start and its due time counts; one before the service does not', () => {
		const noon = clockAt('2026-11-28T07:30:00Z');
		// 13:40 in Jinan, during lunch service.
		const during = kitchen({ disinfections: [ms('2026-11-28T05:40:00Z')] });
		expect(disinfectionMissing(during, noon)).toEqual([]);
		// 14:55, just inside the hour after lunch.
		expect(
			disinfectionMissing(kitchen({ disinfections: [ms('2026-11-28T06:55:00Z')] }), noon)
		).toEqual([]);
		// 10:30, before lunch began; 15:10, after it was due.
		const outside = kitchen({
			disinfections: [ms('2026-11-28T02:30:00Z'), ms('2026-11-28T07:10:00Z')]
		});
		expect(periods(disinfectionMissing(outside, noon))).toEqual(['2026-11-28:lunch']);
	});

	it('rules - closed kitchens, empty rosters, shops and meals before the merchant was known are not judged', () => {
		const evening = clockAt('2026-11-28T14:30:00Z');
		expect(disinfectionMissing(kitchen({ operating: false }), evening)).toEqual([]);
		expect(disinfectionMissing(kitchen({ staffCount: 0 }), evening)).toEqual([]);
		expect(disinfectionMissing(kitchen({ businessType: 'supermarket' }), evening)).toEqual([]);
		// Registered at 16:00 Jinan time: lunch is not its to answer for, dinner is.
		expect(
			periods(disinfectionMissing(kitchen({ knownSince: '2026-11-28T08:00:00Z' }), evening))
		).toEqual(['2026-11-28:dinner']);
		expect(periods(disinfectionMissing(kitchen({ knownSince: null }), evening))).toHaveLength(2);
	});

	it('rules - a district clock with daylight saving keeps its local meal hours (Europe/Berlin, late March and late October)', () => {
		const tz = 'Europe/Berlin';
		// 2026-03-29 springs forward: 15:00 CEST is 13:00 UTC (the day before, CET, it was 14:00).
		expect(disinfectionMissing(kitchen(), clockAt('2026-03-29T12:59:00Z', tz), tz)).toEqual([]);
		expect(
			periods(disinfectionMissing(kitchen(), clockAt('2026-03-29T13:00:00Z', tz), tz))
		).toEqual(['2026-03-29:lunch']);
		expect(disinfectionMissing(kitchen(), clockAt('2026-03-28T13:30:00Z', tz), tz)).toEqual([]);
		// A run ending 11:30 CEST (09:30 UTC) is inside lunch that day; 10:30 CEST is before it.
		const now = clockAt('2026-03-29T13:30:00Z', tz);
		expect(
			disinfectionMissing(kitchen({ disinfections: [ms('2026-03-29T09:30:00Z')] }), now, tz)
		).toEqual([]);
		expect(
			disinfectionMissing(kitchen({ disinfections: [ms('2026-03-29T08:30:00Z')] }), now, tz)
		).toHaveLength(1);
		// 2026-10-25 falls back: 15:00 CET is 14:00 UTC again.
		expect(disinfectionMissing(kitchen(), clockAt('2026-10-25T13:30:00Z', tz), tz)).toEqual([]);
		expect(disinfectionMissing(kitchen(), clockAt('2026-10-25T14:00:00Z', tz), tz)).toHaveLength(1);
	});
});

describe('sample missing', () => {
	it('rules - samples are owed by canteens and large restaurants only', () => {
		expect(samplesRequired('restaurant', 'large')).toBe(true);
		expect(samplesRequired('restaurant', 'small')).toBe(false);
		expect(samplesRequired('school_canteen', 'small')).toBe(true);
		expect(samplesRequired('supermarket', 'large')).toBe(false);
		const evening = clockAt('2026-11-28T14:30:00Z');
		expect(sampleMissing(kitchen({ scale: 'medium' }), evening)).toEqual([]);
		expect(periods(sampleMissing(kitchen(), evening))).toEqual([
			'2026-11-28:lunch',
			'2026-11-28:dinner'
		]);
	});

	it('rules - a sample of that meal on that local day counts, whatever its hour; another meal or day does not', () => {
		const evening = clockAt('2026-11-28T14:30:00Z');
		const m = kitchen({
			samples: [
				{ meal: 'lunch', at: ms('2026-11-28T03:50:00Z') },
				// 23:30 on the 27th in Jinan (15:30 UTC): yesterday's dinner, not today's.
				{ meal: 'dinner', at: ms('2026-11-27T15:30:00Z') }
			]
		});
		expect(periods(sampleMissing(m, evening))).toEqual(['2026-11-28:dinner']);
		// 00:30 on the 28th in Jinan (16:30 UTC on the 27th) is today, though UTC says yesterday.
		const early = kitchen({
			samples: [
				{ meal: 'lunch', at: ms('2026-11-28T03:50:00Z') },
				{ meal: 'dinner', at: ms('2026-11-27T16:30:00Z') }
			]
		});
		expect(sampleMissing(early, evening)).toEqual([]);
	});

	it('rules - a school canteen owes breakfast and lunch samples, by 09:00 and 14:00', () => {
		const school = kitchen({ businessType: 'school_canteen', scale: 'small' });
		expect(sampleMissing(school, clockAt('2026-11-28T00:59:00Z'))).toEqual([]);
		expect(sampleMissing(school, clockAt('2026-11-28T01:00:00Z'))).toEqual([
			expect.objectContaining({
				period: '2026-11-28:breakfast',
				facts: expect.objectContaining({ from: '06:30', to: '08:00', due: '09:00' })
			})
		]);
	});
});
