import { describe, expect, it } from 'vitest';
import { licenceStatusOf, monthSoFar, openRectifications } from './shop-facts';

describe('public shop facts', () => {
	const today = '2026-11-15';
	it('public - licence status is the worst kind of the newest validity, revoked ones absent', () => {
		expect(licenceStatusOf([], today)).toEqual({ status: 'none', validTo: null });
		const renewed = [
			{ kind: 'food', validTo: '2026-01-01', revoked: false },
			{ kind: 'food', validTo: '2030-01-01', revoked: false }
		];
		expect(licenceStatusOf(renewed, today)).toEqual({ status: 'valid', validTo: '2030-01-01' });
		expect(
			licenceStatusOf(
				[...renewed, { kind: 'health', validTo: '2026-12-01', revoked: false }],
				today
			)
		).toEqual({ status: 'expiring', validTo: '2026-12-01' });
		expect(
			licenceStatusOf([{ kind: 'food', validTo: '2026-11-14', revoked: false }], today).status
		).toBe('expired');
		expect(
			licenceStatusOf([{ kind: 'food', validTo: '2030-01-01', revoked: true }], today).status
		).toBe('none');
	});
	it('public - open rectifications count notified alerts and take the nearest deadline', () => {
		expect(
			openRectifications([
				{ status: 'notified', deadline: '2026-11-20T00:00:00.000Z' },
				{ status: 'notified', deadline: '2026-11-18T00:00:00.000Z' },
				{ status: 'notified', deadline: null },
				{ status: 'open', deadline: '2026-11-16T00:00:00.000Z' }
			])
		).toEqual({ open: 3, nextDeadline: '2026-11-18T00:00:00.000Z' });
	});
	it('public - the month so far ends yesterday, and is empty on the 1st', () => {
		expect(monthSoFar('2026-11-15')).toEqual({ from: '2026-11-01', to: '2026-11-14' });
		expect(monthSoFar('2026-11-01')).toBeNull();
	});
});
