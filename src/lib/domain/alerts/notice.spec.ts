import { describe, expect, it } from 'vitest';
import type { Alert } from '../alert';
import { daysLeft, openNotices } from './notice';

const DAY = 86_400_000;
const now = Date.parse('2026-11-28T04:00:00.000Z');

describe('rectification notices', () => {
	it('notices - days left round up; a passed deadline counts days late', () => {
		expect(daysLeft(new Date(now + 2.5 * DAY).toISOString(), now)).toBe(3);
		expect(daysLeft(new Date(now + 3_600_000).toISOString(), now)).toBe(1);
		expect(daysLeft(new Date(now + DAY).toISOString(), now)).toBe(1);
		expect(daysLeft(new Date(now - 3_600_000).toISOString(), now)).toBe(-1);
		expect(daysLeft(new Date(now - 1.2 * DAY).toISOString(), now)).toBe(-2);
	});

	it("notices - only the shop's notified alerts, soonest deadline first", () => {
		const a = (id: string, merchantId: string, status: Alert['status'], deadline: string) =>
			({ id, merchantId, status, deadline, updatedAt: deadline }) as Alert;
		const list = [
			a('late', 'm-a', 'notified', '2026-12-05T00:00:00.000Z'),
			a('other-shop', 'm-b', 'notified', '2026-11-29T00:00:00.000Z'),
			a('reported', 'm-a', 'fix_reported', '2026-11-29T00:00:00.000Z'),
			a('soon', 'm-a', 'notified', '2026-11-30T00:00:00.000Z')
		];
		expect(openNotices(list, 'm-a').map((x) => x.id)).toEqual(['soon', 'late']);
	});
});
