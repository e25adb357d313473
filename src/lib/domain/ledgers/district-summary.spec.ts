import { describe, expect, it } from 'vitest';
import { summarize } from './district-summary';

describe('district ledger summary', () => {
	it('ledger - shares per kind today and over closed days, late entries and the daily trend', () => {
		const days = ['2026-03-08', '2026-03-09', '2026-03-10'];
		const [s, other] = summarize(
			{
				from: days[0] as string,
				to: '2026-03-10',
				days: [
					{
						districtId: 'A',
						day: '2026-03-08',
						kind: 'morning_check',
						kept: 4,
						entries: 4,
						late: 1
					},
					{
						districtId: 'A',
						day: '2026-03-09',
						kind: 'morning_check',
						kept: 2,
						entries: 2,
						late: 0
					},
					{
						districtId: 'A',
						day: '2026-03-09',
						kind: 'disinfection',
						kept: 1,
						entries: 3,
						late: 0
					},
					{
						districtId: 'A',
						day: '2026-03-10',
						kind: 'morning_check',
						kept: 3,
						entries: 3,
						late: 0
					},
					// A purchase is never owed: it counts as an entry, not in the shares.
					{ districtId: 'A', day: '2026-03-10', kind: 'purchase', kept: 0, entries: 5, late: 2 }
				],
				owed: [
					{ districtId: 'A', kind: 'morning_check', since: '', owed: 4 },
					{ districtId: 'A', kind: 'disinfection', since: '', owed: 2 },
					{ districtId: 'B', kind: 'morning_check', since: '', owed: 1 }
				]
			},
			'2026-03-10',
			days
		);
		expect(s?.kinds).toEqual([
			{ kind: 'morning_check', owed: 4, keptToday: 3, today: 75, window: 75 },
			{ kind: 'disinfection', owed: 2, keptToday: 0, today: 0, window: 25 }
		]);
		expect(s?.late).toBe(3);
		expect(s?.entries).toBe(17);
		expect(s?.trend.map((t) => t.share)).toEqual([66.7, 50, 50]);
		// A district where nothing was recorded is still listed, at zero.
		expect(other).toMatchObject({ districtId: 'B', entries: 0, kinds: [{ today: 0, window: 0 }] });
	});
});

describe('district ledger summary over registrations', () => {
	it('ledger - a merchant owes its books from the day it was registered', () => {
		const days = ['2026-03-08', '2026-03-09', '2026-03-10'];
		const [s] = summarize(
			{
				from: '2026-03-08',
				to: '2026-03-10',
				days: [
					{
						districtId: 'A',
						day: '2026-03-09',
						kind: 'morning_check',
						kept: 1,
						entries: 1,
						late: 0
					}
				],
				// One merchant since the 9th, another registered today.
				owed: [
					{ districtId: 'A', kind: 'morning_check', since: '2026-03-09', owed: 1 },
					{ districtId: 'A', kind: 'morning_check', since: '2026-03-10', owed: 1 }
				]
			},
			'2026-03-10',
			days
		);
		// The 8th owed nothing (no share), the 9th one of one, today none of two yet.
		expect(s?.trend.map((t) => t.share)).toEqual([null, 100, 0]);
		expect(s?.kinds).toEqual([
			{ kind: 'morning_check', owed: 2, keptToday: 0, today: 0, window: 100 }
		]);
	});
});
