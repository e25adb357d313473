import { describe, expect, it } from 'vitest';
import type { Alert } from '$lib/domain/alert';
import { AlertTally } from './alert-tally';

const alert = (id: string, merchantId: string, status: Alert['status'] = 'open') =>
	({ id, merchantId, status }) as Alert;

describe('map alert counts', () => {
	it('map - a new alert counts once; closing a counted alert takes it away once', () => {
		const tally = new AlertTally();
		expect(tally.update([alert('a1', 'm1')], [alert('a1', 'm1')])).toEqual([['m1', 1]]);
		expect(tally.update([alert('a1', 'm1')], [alert('a1', 'm1')])).toEqual([]);
		expect(tally.update([], [alert('a1', 'm1', 'closed')])).toEqual([['m1', -1]]);
		expect(tally.update([], [alert('a1', 'm1', 'closed')])).toEqual([]);
	});

	it('map - alerts open before the screen started are in the loaded counts already', () => {
		const tally = new AlertTally();
		expect(tally.update([], [alert('old', 'm2', 'acknowledged')])).toEqual([]);
		expect(tally.update([], [alert('old', 'm2', 'dismissed')])).toEqual([['m2', -1]]);
		// Closed before we ever saw it open: nothing to take away.
		expect(tally.update([], [alert('x', 'm3', 'closed')])).toEqual([]);
		expect(tally.size).toBe(0);
	});
});
