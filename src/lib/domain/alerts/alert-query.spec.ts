import { describe, expect, it } from 'vitest';
import { alertQueryFromUrl, alertQueryString, parseAlertQuery } from './alert-query';

const params = (s: string) => new URLSearchParams(s);

describe('alert query', () => {
	it('alert query - active, filters and paging parse; empty values are absent', () => {
		const r = parseAlertQuery(
			params(
				'status=active&severity=high&rule=ai_detection&district=370102&overdue=1&limit=20&merchantId='
			)
		);
		expect(r).toEqual({
			ok: true,
			query: {
				status: 'active',
				severity: 'high',
				rule: 'ai_detection',
				district: '370102',
				overdue: true,
				limit: 20,
				offset: 0
			}
		});
	});

	it('alert query - a bad value is refused with its name', () => {
		expect(parseAlertQuery(params('severity=urgent'))).toMatchObject({
			ok: false,
			problem: expect.stringMatching(/^severity:/) as unknown
		});
		expect(parseAlertQuery(params('limit=9999'))).toMatchObject({ ok: false });
		expect(parseAlertQuery(params('since=yesterday'))).toMatchObject({ ok: false });
	});

	it('alert query - a page URL drops what does not parse and keeps the rest', () => {
		const q = alertQueryFromUrl(params('status=nonsense&category=ledger&offset=-3&foo=bar'));
		expect(q).toEqual({ category: 'ledger', limit: 50, offset: 0 });
	});

	it('alert query - the query string round-trips and leaves defaults out', () => {
		const q = alertQueryFromUrl(params('status=notified&overdue=true&offset=50&source=ai%3Acam-1'));
		const s = alertQueryString(q);
		expect(s).toBe('status=notified&source=ai%3Acam-1&overdue=1&offset=50');
		expect(alertQueryFromUrl(params(s))).toEqual(q);
		expect(alertQueryString(alertQueryFromUrl(params('')))).toBe('');
	});
});
