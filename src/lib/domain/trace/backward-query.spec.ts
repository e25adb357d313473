import { describe, expect, it } from 'vitest';
import { backwardSearch, parseBackwardQuery, windowOf } from './backward-query';

const today = '2026-03-10';
const parse = (q: string) => parseBackwardQuery(new URLSearchParams(q), today);

describe('backward query', () => {
	it('backward - one date is the day of the case: it and the 3 days before', () => {
		expect(windowOf(undefined, '2026-03-05', today)).toEqual({
			from: '2026-03-02',
			to: '2026-03-05',
			days: 4,
			defaulted: true
		});
		// The start date alone stands for the day too; across a month's end.
		expect(windowOf('2026-03-01', undefined, today)).toMatchObject({
			from: '2026-02-26',
			to: '2026-03-01'
		});
	});

	it('backward - no date at all: today and the 3 days before', () => {
		const r = parse('merchantId=m-ta');
		expect(r).toEqual({
			ok: true,
			query: {
				merchantId: 'm-ta',
				window: { from: '2026-03-07', to: '2026-03-10', days: 4, defaulted: true }
			}
		});
	});

	it('backward - both dates are the window as given, both ends counted', () => {
		const r = parse('shop=%E5%8E%86%E4%B8%8B%E7%94%B2%E5%BA%97&from=2026-03-01&to=2026-03-06');
		expect(r).toEqual({
			ok: true,
			query: {
				shop: '历下甲店',
				window: { from: '2026-03-01', to: '2026-03-06', days: 6, defaulted: false }
			}
		});
	});

	it('backward - empty fields are absent (an empty form field sends "")', () => {
		const r = parse('merchantId=&shop=++&from=&to=2026-03-05');
		expect(r).toEqual({
			ok: true,
			query: { window: { from: '2026-03-02', to: '2026-03-05', days: 4, defaulted: true } }
		});
	});

	it('backward - bad dates, a reversed window and one over 90 days are problems, not errors', () => {
		expect(parse('merchantId=m-ta&to=2026-02-30')).toEqual({ ok: false, problem: 'bad_date' });
		expect(parse('merchantId=m-ta&from=yesterday')).toEqual({ ok: false, problem: 'bad_date' });
		expect(parse('merchantId=m-ta&from=2026-03-06&to=2026-03-05')).toEqual({
			ok: false,
			problem: 'from_after_to'
		});
		// 90 days, both ends counted, is the most.
		expect(parse('merchantId=m-ta&from=2026-01-01&to=2026-03-31')).toMatchObject({ ok: true });
		expect(parse('merchantId=m-ta&from=2025-12-31&to=2026-03-31')).toEqual({
			ok: false,
			problem: 'too_long'
		});
		expect(parse('merchantId=m.ta')).toEqual({ ok: false, problem: 'bad_shop' });
		expect(parse(`shop=${'x'.repeat(51)}`)).toEqual({ ok: false, problem: 'bad_shop' });
	});

	it('backward - the address of a shop and a window leaves out what is not given', () => {
		expect(backwardSearch({ merchantId: 'm-ta' })).toBe('merchantId=m-ta');
		expect(backwardSearch({ merchantId: 'm-ta', to: '2026-03-05' })).toBe(
			'merchantId=m-ta&to=2026-03-05'
		);
	});
});
