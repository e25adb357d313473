import { z } from 'zod';
import { entityId } from '../ids';
import { addDays } from '../ledgers/purchase';

/**
 * 反向追溯 as the officer asks for it: a shop (its id, or a name or id typed into the form) and a
 * window of days. One date alone is the day someone fell ill: the window reaches back over the
 * usual incubation of food poisoning.
 */
export const INCUBATION_DAYS = 3;
/** A window covers at most this many days (the read API refuses longer ones). */
export const MAX_WINDOW_DAYS = 90;

export type BackwardProblem = 'bad_date' | 'from_after_to' | 'too_long' | 'bad_shop';

export interface BackwardWindow {
	from: string;
	to: string;
	/** Days in the window, both ends counted. */
	days: number;
	/** Made from one date (or today): the page says how. */
	defaulted: boolean;
}

export interface BackwardQuery {
	/** An id from a link (trusted as an id) … */
	merchantId?: string;
	/** … or what the officer typed: a name or an id, resolved through the registry. */
	shop?: string;
	window: BackwardWindow;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <S extends z.ZodType>(s: S) => z.preprocess(blankToUndefined, s.optional());

const raw = z.object({
	merchantId: optional(entityId),
	shop: optional(z.string().trim().max(50)),
	from: optional(z.iso.date()),
	to: optional(z.iso.date())
});

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/** The window from the dates given: both, one (the day of the case), or none (today). */
export function windowOf(from: string | undefined, to: string | undefined, today: string) {
	if (from && to) {
		return { from, to, days: daysBetween(from, to) + 1, defaulted: false };
	}
	const day = to ?? from ?? today;
	return {
		from: addDays(day, -INCUBATION_DAYS),
		to: day,
		days: INCUBATION_DAYS + 1,
		defaulted: true
	};
}

/**
 * The page's query string, checked. `today` is the districts' day (the default date). A problem
 * is a code the page words; the raw values go back into the form either way.
 */
export function parseBackwardQuery(
	params: URLSearchParams,
	today: string
): { ok: true; query: BackwardQuery } | { ok: false; problem: BackwardProblem } {
	const parsed = raw.safeParse(Object.fromEntries(params));
	if (!parsed.success) {
		const field = parsed.error.issues[0]?.path[0];
		return { ok: false, problem: field === 'from' || field === 'to' ? 'bad_date' : 'bad_shop' };
	}
	const q = parsed.data;
	const window = windowOf(q.from, q.to, today);
	if (window.days < 1) return { ok: false, problem: 'from_after_to' };
	if (window.days > MAX_WINDOW_DAYS) return { ok: false, problem: 'too_long' };
	return {
		ok: true,
		query: {
			...(q.merchantId ? { merchantId: q.merchantId } : {}),
			...(q.shop ? { shop: q.shop } : {}),
			window
		}
	};
}

/** The page's address for a shop and a window (links from the registry, alerts and pick lists). */
export function backwardSearch(q: { merchantId: string; from?: string; to?: string }): string {
	const params = new URLSearchParams({ merchantId: q.merchantId });
	if (q.from) params.set('from', q.from);
	if (q.to) params.set('to', q.to);
	return params.toString();
}
