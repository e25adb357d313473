export { locale, t, tDynamic } from './locale.svelte';
export {
	alertSentence,
	businessTypeLabel,
	districtLabel,
	enumLabel,
	eventTypeLabel,
	familyLabel,
	formatDate,
	formatDateTime,
	formatNumber,
	formatTime,
	riskFactorSentence,
	riskSettingGroupLabel,
	riskSettingLabel
} from './labels';
export { DEFAULT_LOCALE, isLocale, locales, translate, type Locale } from './translate';
export type { MessageKey } from './messages/zh-CN';
