import { describe, expect, it } from 'vitest';
import { bookToday } from './due';

const restaurant = { businessType: 'restaurant', scale: 'large' } as const;
const at = (h: number, m = 0) => h * 60 + m;

describe('a shop day at a glance', () => {
	it('ledger - the morning check is due by 10:00, then late, done once recorded', () => {
		expect(bookToday('morning_check', restaurant, at(9, 59), 0)).toEqual({
			state: 'due',
			by: at(10)
		});
		expect(bookToday('morning_check', restaurant, at(10), 0)).toEqual({
			state: 'late',
			since: at(10)
		});
		expect(bookToday('morning_check', restaurant, at(10), 1)).toEqual({ state: 'done' });
	});

	it('ledger - disinfection and samples follow the meal services: due after lunch, late when missed', () => {
		// A restaurant: lunch 11:00–14:00 (due 15:00), dinner 17:00–21:00 (due 22:00).
		expect(bookToday('disinfection', restaurant, at(9), 0)).toEqual({
			state: 'due',
			by: at(15),
			meal: 'lunch'
		});
		expect(bookToday('disinfection', restaurant, at(15, 30), 0)).toEqual({
			state: 'late',
			since: at(15),
			meal: 'lunch'
		});
		expect(bookToday('disinfection', restaurant, at(15, 30), 1)).toEqual({
			state: 'due',
			by: at(22),
			meal: 'dinner'
		});
		expect(bookToday('sample_retention', restaurant, at(23), 2)).toEqual({ state: 'done' });
	});

	it('ledger - what a shop does not owe is not owed', () => {
		expect(bookToday('sample_retention', { ...restaurant, scale: 'small' }, at(16), 0)).toEqual({
			state: 'not_owed'
		});
		expect(bookToday('purchase', restaurant, at(16), 0)).toEqual({ state: 'not_owed' });
		expect(
			bookToday('morning_check', { businessType: 'market_stall', scale: 'small' }, at(11), 0)
		).toEqual({
			state: 'not_owed'
		});
	});
});
