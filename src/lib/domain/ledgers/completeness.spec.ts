import { describe, expect, it } from 'vitest';
import {
	dayState,
	daysEnding,
	isLateEntry,
	kindOfLedgerType,
	owedLedgers,
	percent,
	typesOwing
} from './completeness';

describe('ledger completeness', () => {
	it('ledger - kitchens owe three daily books, supermarkets the morning check, stalls none', () => {
		expect(owedLedgers('school_canteen')).toEqual([
			'morning_check',
			'disinfection',
			'sample_retention'
		]);
		expect(owedLedgers('supermarket')).toEqual(['morning_check']);
		expect(owedLedgers('market_stall')).toEqual([]);
		expect(typesOwing('purchase')).toEqual([]);
		expect(typesOwing('morning_check')).toContain('supermarket');
	});

	it('ledger - a day is complete, partial, missing, not owed or still to come', () => {
		const owed = owedLedgers('restaurant');
		expect(dayState(['morning_check', 'disinfection', 'sample_retention'], owed, false)).toBe(
			'complete'
		);
		expect(dayState(['morning_check', 'purchase'], owed, false)).toBe('partial');
		expect(dayState(['purchase'], owed, false)).toBe('missing');
		expect(dayState(['purchase'], [], false)).toBe('not_owed');
		expect(dayState([], owed, true)).toBe('future');
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
