import { describe, expect, it } from 'vitest';
import {
	dayState,
	daysEnding,
	isLateEntry,
	kindOfLedgerType,
	owedLedgers,
	percent,
	owingPairs
} from './completeness';

describe('ledger completeness', () => {
	it('ledger - canteens and large restaurants owe three daily books, other kitchens two, supermarkets one, stalls none', () => {
		expect(owedLedgers('school_canteen', 'small')).toEqual([
			'morning_check',
			'disinfection',
			'sample_retention'
		]);
		expect(owedLedgers('restaurant', 'large')).toContain('sample_retention');
		expect(owedLedgers('restaurant', 'medium')).toEqual(['morning_check', 'disinfection']);
		expect(owedLedgers('supermarket', 'large')).toEqual(['morning_check']);
		expect(owedLedgers('market_stall', 'small')).toEqual([]);
		expect(owingPairs('purchase')).toEqual([]);
		expect(owingPairs('sample_retention')).toContainEqual(['restaurant', 'large']);
		expect(owingPairs('sample_retention')).not.toContainEqual(['restaurant', 'small']);
	});

	it('ledger - a day is complete, partial, missing, not owed, open, to come or before registration', () => {
		const owed = owedLedgers('restaurant', 'large');
		const on = { today: '2026-03-10', registeredOn: '2026-03-01' };
		const all = ['morning_check', 'disinfection', 'sample_retention'];
		expect(dayState(all, owed, '2026-03-05', on)).toBe('complete');
		expect(dayState(['morning_check', 'purchase'], owed, '2026-03-05', on)).toBe('partial');
		expect(dayState(['purchase'], owed, '2026-03-05', on)).toBe('missing');
		expect(dayState(['purchase'], [], '2026-03-05', on)).toBe('not_owed');
		// Today is not over: what is not kept yet is due, not missing.
		expect(dayState(['morning_check'], owed, '2026-03-10', on)).toBe('open');
		expect(dayState(all, owed, '2026-03-10', on)).toBe('complete');
		expect(dayState([], owed, '2026-03-11', on)).toBe('future');
		expect(dayState([], owed, '2026-02-28', on)).toBe('unregistered');
	});

	it('ledger - an entry recorded more than two hours after the time it claims is late', () => {
		expect(isLateEntry('2026-03-01T08:00:00Z', '2026-03-01T10:00:00Z')).toBe(false);
		expect(isLateEntry('2026-03-01T08:00:00Z', '2026-03-01T10:00:01Z')).toBe(true);
		expect(kindOfLedgerType('ledger.sample_retention.recorded')).toBe('sample_retention');
		expect(kindOfLedgerType('ledger.entry.disputed')).toBeNull();
	});

	it('ledger - day windows cross months and leap days; shares round to one decimal', () => {
		expect(daysEnding('2028-03-01', 3)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
		expect(percent(1, 3)).toBe(33.3);
		expect(percent(0, 0)).toBeNull();
	});
});
