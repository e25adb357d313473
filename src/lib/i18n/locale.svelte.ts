import { browser } from '$app/environment';
import type { MessageKey } from './messages/zh-CN';
import {
	DEFAULT_LOCALE,
	isLocale,
	translate,
	type Locale,
	type Params,
	type ParamsArg
} from './translate';

const COOKIE = 'locale';
const ONE_YEAR_S = 365 * 24 * 3600;

/**
 * The UI language. A cookie (not localStorage) keeps the choice so a server hook can render
 * the right language later. Only the browser ever changes it: on the server it stays the
 * default, so this shared instance cannot leak one user's choice to another.
 */
class LocaleState {
	current = $state<Locale>(DEFAULT_LOCALE);

	/** Read the saved choice; call once in the browser. */
	restore(): void {
		if (!browser) return;
		const saved = document.cookie
			.split('; ')
			.find((c) => c.startsWith(`${COOKIE}=`))
			?.slice(COOKIE.length + 1);
		const value = saved ? decodeURIComponent(saved) : undefined;
		this.apply(isLocale(value) ? value : DEFAULT_LOCALE);
	}

	set(next: Locale): void {
		if (!browser) return;
		document.cookie = `${COOKIE}=${encodeURIComponent(next)}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
		this.apply(next);
	}

	private apply(next: Locale): void {
		this.current = next;
		document.documentElement.lang = next;
	}
}

export const locale = new LocaleState();

/** Translate in the current locale; reactive where the locale is read (templates, $derived). */
export function t<K extends MessageKey>(key: K, ...params: ParamsArg<K>): string {
	return translate(locale.current, key, params[0]);
}

/** For keys built at run time (alert rules, event types): the caller checked the key. */
export function tDynamic(key: MessageKey, params?: Params): string {
	return translate(locale.current, key, params);
}
