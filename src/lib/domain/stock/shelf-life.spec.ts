import { describe, expect, it } from 'vitest';
import { shelfLifeOf } from './shelf-life';

describe('shelf life', () => {
	it('stock - ok, near expiry within N days (the last day included), expired from the day after', () => {
		const today = '2026-11-28';
		expect(shelfLifeOf('2026-12-02', today)).toEqual({ state: 'ok', daysLeft: 4 });
		expect(shelfLifeOf('2026-12-01', today)).toEqual({ state: 'near_expiry', daysLeft: 3 });
		expect(shelfLifeOf('2026-11-28', today)).toEqual({ state: 'near_expiry', daysLeft: 0 });
		expect(shelfLifeOf('2026-11-27', today)).toEqual({ state: 'expired', daysLeft: -1 });
		expect(shelfLifeOf('2026-12-05', today, 7)).toEqual({ state: 'near_expiry', daysLeft: 7 });
	});
});
