import { describe, expect, it } from 'vitest';
import { makeEvent } from '../events/make';
import { instantOfLocal, localDateTime } from '../time';
import { sampleRetentionInadequate } from './sample-retention';

const sample = (weightG: number, storedAt: string, destroyAfter: string) =>
	makeEvent({
		type: 'ledger.sample_retention.recorded',
		merchantId: 'm1',
		districtId: '370102',
		actor: { kind: 'staff', id: 'u1' },
		occurredAt: storedAt,
		payload: { meal: 'lunch', dish: '宫保鸡丁', weightG, storedAt, keeper: '王五', destroyAfter }
	});

describe('sample retention', () => {
	it('rules - 125 g kept 48 h passes; lighter or shorter is one alert per day and meal', () => {
		expect(
			sampleRetentionInadequate(sample(125, '2026-11-28T04:00:00Z', '2026-11-30T04:00:00Z'))
		).toBeNull();
		expect(
			sampleRetentionInadequate(sample(80, '2026-11-28T04:00:00Z', '2026-11-30T04:00:00Z'))
		).toMatchObject({
			rule: 'sample_retention_inadequate',
			period: '2026-11-28:lunch',
			facts: { weightG: 80, hours: 48 }
		});
		expect(
			sampleRetentionInadequate(sample(150, '2026-11-28T04:00:00Z', '2026-11-30T03:30:00Z'))?.facts
		).toMatchObject({ hours: 47.5 });
		// Stored at 00:30 Jinan time on the 29th (16:30 UTC on the 28th): that day's lunch slot.
		expect(
			sampleRetentionInadequate(sample(80, '2026-11-28T16:30:00Z', '2026-12-01T00:00:00Z'))?.period
		).toBe('2026-11-29:lunch');
	});

	it('time - a form’s local date and time is read on the district clock, DST included', () => {
		expect(new Date(instantOfLocal('2026-11-28T12:00') as number).toISOString()).toBe(
			'2026-11-28T04:00:00.000Z'
		);
		expect(localDateTime(Date.parse('2026-11-28T04:00:00Z'))).toBe('2026-11-28T12:00');
		const ny = 'America/New_York';
		expect(new Date(instantOfLocal('2026-03-08T10:00', ny) as number).toISOString()).toBe(
			'2026-03-08T14:00:00.000Z'
		);
		expect(new Date(instantOfLocal('2026-03-07T10:00', ny) as number).toISOString()).toBe(
			'2026-03-07T15:00:00.000Z'
		);
		expect(instantOfLocal('yesterday')).toBeNull();
		expect(instantOfLocal('2026-13-45T99:00')).toBeNull();
	});
});
