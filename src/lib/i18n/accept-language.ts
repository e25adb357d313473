import { DEFAULT_LOCALE, type Locale } from './translate';

/**
 * The locale an HTTP client asks for (Accept-Language), for answers outside the pages (the POS
 * API). The most preferred language we speak wins; none of ours, or no header, is Chinese.
 */
export function localeOfAcceptLanguage(header: string | null | undefined): Locale {
	const wanted = (header ?? '')
		.split(',')
		.map((part, order) => {
			const [tag = '', ...params] = part.trim().toLowerCase().split(';');
			const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
			return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
		})
		.filter((w) => w.tag !== '' && w.q > 0)
		.sort((a, b) => b.q - a.q || a.order - b.order);
	for (const { tag } of wanted) {
		if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
		if (tag === 'en' || tag.startsWith('en-')) return 'en';
	}
	return DEFAULT_LOCALE;
}
