import { z } from 'zod';
import { alertCategory, alertRule, alertSeverity, alertStatus } from '../alert';
import { districtId, entityId } from '../ids';

/** `active`: every alert still to be handled (neither closed nor dismissed). */
export const alertStatusFilter = z.union([alertStatus, z.literal('active')]);
export type AlertStatusFilter = z.infer<typeof alertStatusFilter>;

/**
 * The alert list's filters, as the read API takes them and the /alerts page keeps them in its
 * URL. `since`/`until` bound when the alert was raised; `overdue` keeps active alerts whose SLA
 * has run out.
 */
export const alertQuery = z.object({
	status: alertStatusFilter.optional(),
	severity: alertSeverity.optional(),
	category: alertCategory.optional(),
	rule: alertRule.optional(),
	source: z.string().trim().min(1).max(120).optional(),
	district: districtId.optional(),
	merchantId: entityId.optional(),
	since: z.iso.datetime({ offset: true }).optional(),
	until: z.iso.datetime({ offset: true }).optional(),
	overdue: z
		.enum(['1', 'true', '0', 'false'])
		.transform((v) => v === '1' || v === 'true')
		.optional(),
	limit: z.coerce.number().int().min(1).max(500).default(50),
	offset: z.coerce.number().int().min(0).max(1_000_000).default(0)
});
export type AlertQuery = z.infer<typeof alertQuery>;

/** The filter names, in the order the URL spells them. */
export const alertQueryKeys = Object.keys(alertQuery.shape) as (keyof AlertQuery)[];

/** Strict: the read API answers a bad value with a 400 that names it. */
export function parseAlertQuery(
	params: Iterable<[string, string]>
): { ok: true; query: AlertQuery } | { ok: false; problem: string } {
	const entries = [...params].filter(([, v]) => v !== '');
	const parsed = alertQuery.safeParse(Object.fromEntries(entries));
	if (parsed.success) return { ok: true, query: parsed.data };
	const issue = parsed.error.issues[0];
	return { ok: false, problem: `${issue?.path.join('.')}: ${issue?.message}` };
}

/**
 * Lenient, for a page's URL: a filter that does not parse (an old link, a hand-edited value) is
 * dropped rather than failing the page; the others still apply.
 */
export function alertQueryFromUrl(params: Iterable<[string, string]>): AlertQuery {
	const kept: [string, string][] = [];
	for (const [k, v] of params) {
		if (v === '' || !(k in alertQuery.shape)) continue;
		const field = alertQuery.shape[k as keyof AlertQuery];
		if (field.safeParse(v).success) kept.push([k, v]);
	}
	return alertQuery.parse(Object.fromEntries(kept));
}

/** The query string of a filter (defaults left out), for the read API and the page's links. */
export function alertQueryString(q: Partial<AlertQuery>): string {
	const parts: string[] = [];
	for (const k of alertQueryKeys) {
		const v = q[k];
		if (v === undefined || v === false) continue;
		if (k === 'limit' && v === 50) continue;
		if (k === 'offset' && v === 0) continue;
		parts.push(`${k}=${encodeURIComponent(v === true ? '1' : String(v))}`);
	}
	return parts.join('&');
}
