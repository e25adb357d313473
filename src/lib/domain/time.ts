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

/** What a wall clock in the time zone shows at an instant, as YYYY-MM-DDTHH:mm (a form's value). */
export function localDateTime(instant: number | Date, timeZone = DEFAULT_TIME_ZONE): string {
	return `${localDay(instant, timeZone)}T${formatMinute(localMinuteOfDay(instant, timeZone))}`;
}

function formatMinute(minuteOfDay: number): string {
	const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
	return `${hh}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/**
 * The instant a wall clock in the time zone shows as `local` (YYYY-MM-DDTHH:mm, as a
 * datetime-local input sends it), or null when it is not such a value.
 */
export function instantOfLocal(local: string, timeZone = DEFAULT_TIME_ZONE): number | null {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
	const asUtc = Date.parse(`${local}:00Z`);
	if (Number.isNaN(asUtc)) return null;
	// The zone's offset at that moment, found from what its clock shows; twice for DST edges.
	let guess = asUtc;
	for (let i = 0; i < 2; i++) {
		const shown = Date.parse(`${localDateTime(guess, timeZone)}:00Z`);
		guess = asUtc - (shown - guess);
	}
	return guess;
}
