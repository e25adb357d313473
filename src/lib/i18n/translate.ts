import { en } from './messages/en';
import { zhCN, type MessageKey, type Messages } from './messages/zh-CN';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function isLocale(value: unknown): value is Locale {
	return (locales as readonly unknown[]).includes(value);
}

export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(zhCN, key);
}

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}`
	? P | Placeholders<R>
	: never;
/** The `{names}` a message takes, read from the Chinese text at compile time. */
export type ParamsOf<K extends MessageKey> = Placeholders<(typeof zhCN)[K]>;
export type Params = Record<string, string | number>;
/** No argument for a message without placeholders, a record of exactly its names otherwise. */
export type ParamsArg<K extends MessageKey> = [ParamsOf<K>] extends [never]
	? []
	: [Record<ParamsOf<K>, string | number>];

/** `{name}` → params.name; a placeholder without a value shows as an em dash, never as code. */
export function interpolate(template: string, params: Params = {}): string {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = params[name];
		return value === undefined ? '—' : String(value);
	});
}

/** Translate without the reactive locale: for code that already knows the locale. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	return interpolate(dictionaries[locale][key], params);
}
