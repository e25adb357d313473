import { describe, expect, it } from 'vitest';
import { recallDeadlines, recallOverdue } from './recall-deadlines';

describe('recall deadlines', () => {
	// Friday 27 November 2026, 10:00 in 济南 (UTC+8).
	const friday = '2026-11-27T02:00:00.000Z';

	it('recall deadlines - 一级: read within 24 h, done by the end of the 10th working day after the opening', () => {
		expect(recallDeadlines('1', friday)).toEqual({
			acknowledgeBy: '2026-11-28T02:00:00.000Z',
			// Mon 30 Nov … Fri 4 Dec (5), Mon 7 … Fri 11 Dec (10): the end of 11 Dec, local.
			lastDay: '2026-12-11',
			completeBy: '2026-12-11T16:00:00.000Z',
			workingDays: 10
		});
	});

	it('recall deadlines - 二级 and 三级 take 48 h / 20 and 72 h / 30 working days', () => {
		expect(recallDeadlines('2', friday)).toMatchObject({
			acknowledgeBy: '2026-11-29T02:00:00.000Z',
			completeBy: '2026-12-25T16:00:00.000Z'
		});
		expect(recallDeadlines('3', friday)).toMatchObject({
			acknowledgeBy: '2026-11-30T02:00:00.000Z',
			completeBy: '2027-01-08T16:00:00.000Z'
		});
	});

	it('recall deadlines - the day counts on the district calendar: 23:30 UTC on a Sunday is Monday in 济南', () => {
		// Monday 30 Nov 07:30 local: 10 working days end on Monday 14 Dec.
		expect(recallDeadlines('1', '2026-11-29T23:30:00.000Z').completeBy).toBe(
			'2026-12-14T16:00:00.000Z'
		);
		// The same instant in UTC is still Sunday: 10 working days end on Friday 11 Dec.
		expect(recallDeadlines('1', '2026-11-29T23:30:00.000Z', 'UTC').completeBy).toBe(
			'2026-12-12T00:00:00.000Z'
		);
	});

	it('recall deadlines - overdue only while open and not every shop done', () => {
		const r = {
			level: '1' as const,
			openedAt: friday,
			closedAt: null,
			merchants: 3,
			merchantsDone: 2
		};
		const after = Date.parse('2026-12-11T16:00:01.000Z');
		expect(recallOverdue(r, Date.parse('2026-12-11T15:59:59.000Z'))).toBe(false);
		expect(recallOverdue(r, after)).toBe(true);
		expect(recallOverdue({ ...r, merchantsDone: 3 }, after)).toBe(false);
		expect(recallOverdue({ ...r, closedAt: '2026-12-01T00:00:00.000Z' }, after)).toBe(false);
	});
});
