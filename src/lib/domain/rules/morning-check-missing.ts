import type { AlertDraft } from '../alert';
import { localDay } from '../time';

/** By 10:00 on the district's clock every operating kitchen has checked its staff (晨检). */
export const MORNING_CHECK_DUE_MINUTE = 10 * 60;

/**
 * Who owes a daily morning check: catering (餐饮服务) and canteens, and supermarkets with their
 * fresh-food counters. Small shops and market stalls selling packaged or raw goods do not.
 */
export const morningCheckRequired: ReadonlySet<string> = new Set([
	'restaurant',
	'school_canteen',
	'elderly_care_canteen',
	'company_canteen',
	'supermarket'
]);

export interface MorningCheckState {
	merchantId: string;
	districtId: string;
	operating: boolean;
	businessType: string;
	/** People on the roster: a merchant with nobody to check is not judged. */
	staffCount: number;
	/** When the latest morning check happened (an instant), null if never. */
	lastMorningCheckAt: string | null;
}

/**
 * An absence rule: no morning check today by the due time. Evaluated on the clock, in the
 * district's time zone (its day and its minute of day), one alert per merchant and day.
 */
export function morningCheckMissing(
	m: MorningCheckState,
	now: { day: string; minuteOfDay: number },
	timeZone?: string,
	dueMinute = MORNING_CHECK_DUE_MINUTE
): AlertDraft | null {
	if (!m.operating || !morningCheckRequired.has(m.businessType) || m.staffCount === 0) return null;
	if (now.minuteOfDay < dueMinute) return null;
	if (m.lastMorningCheckAt && localDay(m.lastMorningCheckAt, timeZone) >= now.day) return null;
	const hh = String(Math.floor(dueMinute / 60)).padStart(2, '0');
	const mm = String(dueMinute % 60).padStart(2, '0');
	return {
		rule: 'morning_check_missing',
		severity: 'medium',
		merchantId: m.merchantId,
		districtId: m.districtId,
		period: now.day,
		facts: { day: now.day, due: `${hh}:${mm}` },
		evidence: []
	};
}
