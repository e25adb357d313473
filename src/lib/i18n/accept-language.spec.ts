import { describe, expect, it } from 'vitest';
import { localeOfAcceptLanguage } from './accept-language';

describe('accept-language', () => {
	it('i18n - the most preferred language we speak wins; none is Chinese', () => {
		expect(localeOfAcceptLanguage(null)).toBe('zh-CN');
		expect(localeOfAcceptLanguage('')).toBe('zh-CN');
		expect(localeOfAcceptLanguage('en')).toBe('en');
		expect(localeOfAcceptLanguage('en-US,en;q=0.9')).toBe('en');
		expect(localeOfAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
		expect(localeOfAcceptLanguage('fr-FR, en;q=0.5, zh;q=0.7')).toBe('zh-CN');
		expect(localeOfAcceptLanguage('de, en;q=0.2')).toBe('en');
		expect(localeOfAcceptLanguage('en;q=0, zh-TW')).toBe('zh-CN');
		expect(localeOfAcceptLanguage('ja, *')).toBe('zh-CN');
	});
});
