import type { Alert } from '$lib/domain/alert';
import { DEFAULT_TIME_ZONE } from '$lib/domain/time';
import { districtName } from '$lib/domain/districts';
import { locale, tDynamic } from './locale.svelte';
import { isMessageKey } from './translate';

/** Facts that hold a code of a labelled list (a meal, a ledger's kind): shown by its label. */
const labelledFacts: Record<string, string> = {
	meal: 'sample.meal.',
	ledger: 'ledger.',
	category: 'complaintCategory.',
	channel: 'complaintChannel.',
	kind: 'sensorKind.',
	label: 'aiLabel.',
	area: 'camera.area.',
	offlineReason: 'camera.offlineReason.'
};

/** The sentence for an alert, from its rule and facts. */
export function alertSentence(alert: Pick<Alert, 'rule' | 'facts'>): string {
	const key = `alert.${alert.rule}`;
	if (!isMessageKey(key)) return alert.rule;
	const facts = { ...alert.facts };
	for (const [name, prefix] of Object.entries(labelledFacts)) {
		const label = `${prefix}${String(facts[name])}`;
		if (name in facts && isMessageKey(label)) facts[name] = tDynamic(label);
	}
	return tDynamic(key, facts);
}

/** The sentence for a risk factor, from its id and facts (ids carry the enum values). */
export function riskFactorSentence(factor: { id: string; facts: Record<string, string | number> }) {
	const key = `risk.factor.${factor.id}`;
	return isMessageKey(key) ? tDynamic(key, factor.facts) : factor.id;
}

export function eventTypeLabel(type: string): string {
	const key = `eventType.${type}`;
	return tDynamic(isMessageKey(key) ? key : 'eventType.unknown');
}

export function familyLabel(family: string): string {
	const key = `family.${family}`;
	return isMessageKey(key) ? tDynamic(key) : family;
}

export function businessTypeLabel(type: string): string {
	const key = `businessType.${type}`;
	return isMessageKey(key) ? tDynamic(key) : type;
}

/** The label of an enum value under a message prefix (`licenceStatus.valid`), else the value. */
export function enumLabel(prefix: string, value: string): string {
	const key = `${prefix}.${value}`;
	return isMessageKey(key) ? tDynamic(key) : value;
}

export function districtLabel(id: string): string {
	return districtName(id, locale.current);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number): string {
	let f = numberFormats.get(locale.current);
	if (!f) {
		f = new Intl.NumberFormat(locale.current);
		numberFormats.set(locale.current, f);
	}
	return f.format(n);
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: DEFAULT_TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** HH:mm:ss in the city's time zone, whatever the screen's own zone is. */
export function formatTime(instant: string | number | Date): string {
	return timeFormat.format(new Date(instant));
}

export function formatDate(instant: number | Date): string {
	return new Intl.DateTimeFormat(locale.current, {
		timeZone: DEFAULT_TIME_ZONE,
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		weekday: 'long'
	}).format(new Date(instant));
}

const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
	timeZone: DEFAULT_TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** YYYY-MM-DD HH:mm in the city's time zone: records and audit lines, read in any locale. */
export function formatDateTime(instant: string | number | Date): string {
	return dateTimeFormat.format(new Date(instant));
}

/** Settings groups whose keys are an enum with labels of its own. */
const settingEnumPrefixes: Record<string, string> = {
	'static.businessType': 'businessType',
	'static.scale': 'scale',
	'static.serves': 'riskSettings.serves',
	'static.licenceKind': 'licence.kind',
	'static.licenceStatus': 'licenceStatus',
	'alerts.perSeverity': 'severity',
	'complaints.perCategory': 'complaintCategory',
	'inspection.perResult': 'riskSettings.result',
	inspectionsPerYear: 'risk.grade'
};

/** The label of one number of the risk settings (the admin's settings page). */
export function riskSettingLabel(group: string, key: string): string {
	const prefix = settingEnumPrefixes[group];
	return enumLabel(prefix ?? 'riskSettings.key', key);
}

export function riskSettingGroupLabel(group: string): string {
	return enumLabel('riskSettings.group', group);
}
