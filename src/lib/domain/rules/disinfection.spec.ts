import { describe, expect, it } from 'vitest';
import { makeEvent } from '../events/make';
import { disinfectionTooShort } from './disinfection';

const run = (method: 'heat' | 'steam' | 'chemical' | 'uv', startedAt: string, endedAt: string) =>
	makeEvent({
		type: 'ledger.disinfection.recorded',
		merchantId: 'm1',
		districtId: '370102',
		actor: { kind: 'staff', id: 'u1' },
		occurredAt: endedAt,
		payload: { target: 'tableware', item: '餐饮具', method, startedAt, endedAt, operator: '王五' }
	});

describe('disinfection', () => {
	it('rules - each method has its minimum; shorter is one low alert per day and item', () => {
		expect(
			disinfectionTooShort(run('steam', '2026-11-28T05:00:00Z', '2026-11-28T05:10:00Z'))
		).toBeNull();
		expect(
			disinfectionTooShort(run('chemical', '2026-11-28T05:00:00Z', '2026-11-28T05:05:00Z'))
		).toBeNull();
		expect(
			disinfectionTooShort(run('uv', '2026-11-28T05:00:00Z', '2026-11-28T05:20:00Z'))
		).toMatchObject({
			rule: 'disinfection_too_short',
			severity: 'low',
			period: '2026-11-28:餐饮具',
			facts: { minutes: 20, needed: 30 }
		});
		expect(
			disinfectionTooShort(run('heat', '2026-11-28T05:00:00Z', '2026-11-28T05:03:00Z'))?.facts
		).toMatchObject({
			minutes: 3,
			needed: 10
		});
	});
});
