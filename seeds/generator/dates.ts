const DAY_MS = 86_400_000;

// Memoised: generating 100,000 merchants does millions of date sums over a few thousand days.
const dayOf = new Map<string, number>();
const isoOf = new Map<number, string>();
const yearsOf = new Map<string, string>();

function toDay(isoDate: string): number {
	let day = dayOf.get(isoDate);
	if (day === undefined) {
		day = Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
		dayOf.set(isoDate, day);
	}
	return day;
}

function toIso(day: number): string {
	let iso = isoOf.get(day);
	if (iso === undefined) {
		iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
		isoOf.set(day, iso);
	}
	return iso;
}

/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so no time zone can shift a date. */
export function addDays(isoDate: string, days: number): string {
	return toIso(toDay(isoDate) + days);
}

export function addYears(isoDate: string, years: number): string {
	const key = `${isoDate}|${years}`;
	let iso = yearsOf.get(key);
	if (iso === undefined) {
		const d = new Date(`${isoDate}T00:00:00Z`);
		d.setUTCFullYear(d.getUTCFullYear() + years);
		iso = d.toISOString().slice(0, 10);
		yearsOf.set(key, iso);
	}
	return iso;
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
	return toDay(b) - toDay(a);
}

export const isIsoDate = (s: string): boolean =>
	/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
