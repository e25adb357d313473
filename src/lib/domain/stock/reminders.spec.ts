import { describe, expect, it } from 'vitest';
import { hasReminders, stockReminders } from './reminders';

const today = '2026-11-29';

describe('stock reminders', () => {
	it('reminders - counts lots on the shelf that expired or expire within three days', () => {
		const r = stockReminders(
			[
				{ remaining: 2, expiresOn: '2026-11-28' },
				{ remaining: 0, expiresOn: '2026-11-01' },
				{ remaining: 1, expiresOn: '2026-11-29' },
				{ remaining: 1, expiresOn: '2026-12-02' },
				{ remaining: 5, expiresOn: '2026-12-03' }
			],
			[],
			today
		);
		expect(r).toEqual({ recalls: [], expired: 1, nearExpiry: 2 });
		expect(hasReminders(r)).toBe(true);
	});

	it('reminders - open recalls, those not confirmed first, then the most severe level', () => {
		const r = stockReminders(
			[],
			[
				{ recallId: 'r3', title: '三级', level: '3', acknowledgedAt: null },
				{ recallId: 'r0', title: '已确认', level: '1', acknowledgedAt: '2026-11-28T08:00:00Z' },
				{ recallId: 'r1', title: '一级', level: '1', acknowledgedAt: null }
			],
			today
		);
		expect(r.recalls.map((x) => [x.recallId, x.confirmed])).toEqual([
			['r1', false],
			['r3', false],
			['r0', true]
		]);
		expect(hasReminders({ recalls: [], expired: 0, nearExpiry: 0 })).toBe(false);
	});
});
