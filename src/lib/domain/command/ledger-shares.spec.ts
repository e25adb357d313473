import { describe, expect, it } from 'vitest';
import { keptAndOwed, shareOf, sumDays } from './ledger-shares';

describe('ledger shares', () => {
	it('ledger shares - kept is capped by owed per kind; a merchant owes from its registration day; districts add up', () => {
		const c = {
			from: '2026-11-27',
			to: '2026-11-28',
			days: [
				{ districtId: 'A', day: '2026-11-27', kind: 'morning_check', kept: 5, entries: 9, late: 0 },
				{ districtId: 'A', day: '2026-11-28', kind: 'morning_check', kept: 1, entries: 1, late: 0 },
				{ districtId: 'B', day: '2026-11-28', kind: 'sample', kept: 2, entries: 2, late: 1 }
			],
			owed: [
				{ districtId: 'A', kind: 'morning_check', since: '', owed: 2 },
				{ districtId: 'A', kind: 'morning_check', since: '2026-11-28', owed: 2 },
				{ districtId: 'B', kind: 'sample', since: '2026-11-28', owed: 4 }
			]
		};
		const days = ['2026-11-27', '2026-11-28'];
		const per = keptAndOwed(c, days);
		expect(per.get('A')).toEqual([
			{ kept: 2, owed: 2 },
			{ kept: 1, owed: 4 }
		]);
		expect(per.get('B')).toEqual([
			{ kept: 0, owed: 0 },
			{ kept: 2, owed: 4 }
		]);
		const sums = sumDays(per.values(), 2);
		expect(sums).toEqual([
			{ kept: 2, owed: 2 },
			{ kept: 3, owed: 8 }
		]);
		expect(sums.map(shareOf)).toEqual([1, 0.375]);
		expect(shareOf({ kept: 0, owed: 0 })).toBeNull();
	});
});
