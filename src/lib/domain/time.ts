/** The default time zone of a district's clock (absence rules, "today"). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
	let f = dayFormatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		});
		dayFormatters.set(timeZone, f);
	}
	return f;
}

// Instants asked about cluster in a few minutes (now, and the events' times): remember each
// minute's day (Intl formatting costs microseconds, and the processor asks twice per event).
const dayOfMinute = new Map<string, Map<number, string>>();

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(instant: number | string | Date, timeZone = DEFAULT_TIME_ZONE): string {
	const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
	const minute = ms - (ms % 60_000);
	let days = dayOfMinute.get(timeZone);
	if (!days) dayOfMinute.set(timeZone, (days = new Map()));
	let day = days.get(minute);
	if (day === undefined) {
		day = dayFormatter(timeZone).format(new Date(ms));
		if (days.size >= 1_024) days.clear();
		days.set(minute, day);
	}
	return day;
}

/** Minutes since local midnight of an instant in a time zone. */
export function localMinuteOfDay(instant: number | Date, timeZone = DEFAULT_TIME_ZONE): number {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	return get('hour') * 60 + get('minute');
}

/** Floor an instant to its minute, in epoch milliseconds. */
export function minuteOf(ms: number): number {
	return ms - (ms % 60_000);
}
