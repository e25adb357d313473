import { describe, expect, it } from 'vitest';
import type { Alert } from '$lib/domain/alert';
import { eventRate, lastHour, mergeAlerts, mergeMinute, newAlerts } from './room-data';

const M = 60_000;
const alert = (id: string, raisedAt: string, status: Alert['status'] = 'open'): Alert => ({
	id,
	rule: 'licence_expired',
	severity: 'high',
	status,
	merchantId: 'm1',
	districtId: '370102',
	merchantName: '店',
	facts: {},
	evidence: [],
	raisedAt,
	updatedAt: raisedAt
});

describe('live room data', () => {
	it('live - the current minute replaces its bucket instead of adding to it', () => {
		const b = mergeMinute([[0, 5]], [M, 3]);
		expect(mergeMinute(b, [M, 7])).toEqual([
			[0, 5],
			[M, 7]
		]);
		expect(mergeMinute(b, null)).toBe(b);
	});

	it('live - the rate counts the last 60 seconds across two buckets', () => {
		const now = 10 * M + 15_000; // a quarter into minute 10
		expect(
			eventRate(
				[
					[9 * M, 100],
					[10 * M, 20]
				],
				now
			)
		).toBe(95);
		expect(eventRate([[3 * M, 100]], now)).toBe(0);
	});

	it('live - the last hour has 60 minutes, gaps as zero, current minute last', () => {
		const hour = lastHour([[10 * M, 4]], 10 * M + 1);
		expect(hour).toHaveLength(60);
		expect(hour.at(-1)).toBe(4);
		expect(hour.slice(0, -1).every((v) => v === 0)).toBe(true);
	});

	it('live - a changed alert replaces the old one and only unseen ids count as new', () => {
		const list = [alert('a', '2026-11-28T10:00:00Z'), alert('b', '2026-11-28T09:00:00Z')];
		const changed = alert('b', '2026-11-28T09:00:00Z', 'acknowledged');
		const fresh = alert('c', '2026-11-28T11:00:00Z');
		expect(newAlerts(list, [changed, fresh]).map((a) => a.id)).toEqual(['c']);
		const merged = mergeAlerts(list, [fresh, changed]);
		expect(merged.map((a) => [a.id, a.status])).toEqual([
			['c', 'open'],
			['a', 'open'],
			['b', 'acknowledged']
		]);
	});
});
