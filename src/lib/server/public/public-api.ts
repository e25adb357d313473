import type { z } from 'zod';
import {
	complaintTracking,
	publicInspectionPage,
	publicMapPage,
	publicShop,
	publicShopPage,
	type PublicInspectionQuery,
	type PublicMapQuery,
	type PublicShopQuery
} from '../../domain/public/public-shop';
import { publicRead } from '../public-read';

/** How long a public answer is reused: a diner at the door does not need it fresher. */
export const PUBLIC_TTL_MS = 60_000;
/** Entries kept: every shop of a large city fits; past it the oldest go first. */
const MAX_ENTRIES = 20_000;

interface Entry {
	at: number;
	value: Promise<unknown>;
}

/**
 * Answers of the processor's `/public/*` reads (asked with the web server's public-read ticket), cached in this process by path. Safe to
 * share between visitors: the answers are public by construction (the same for everyone, no
 * viewer in the key) and parsed against their public schemas before they are kept. A miss
 * shared by concurrent requests asks the processor once; a failure is not kept.
 */
const cache = new Map<string, Entry>();

function cached<S extends z.ZodType>(
	path: string,
	schema: S,
	{ ttlMs = PUBLIC_TTL_MS, timeoutMs = 5_000, now = Date.now() } = {}
): Promise<z.infer<S> | null> {
	const hit = cache.get(path);
	if (hit && now - hit.at < ttlMs) return hit.value as Promise<z.infer<S> | null>;
	const value = publicRead(path, schema, { timeoutMs });
	cache.delete(path);
	cache.set(path, { at: now, value });
	value.catch(() => {
		if (cache.get(path)?.value === value) cache.delete(path);
	});
	if (cache.size > MAX_ENTRIES) {
		const oldest = cache.keys().next().value;
		if (oldest !== undefined) cache.delete(oldest);
	}
	return value;
}

const enc = encodeURIComponent;

function search(q: Partial<PublicShopQuery | PublicInspectionQuery | PublicMapQuery>): string {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
	const s = params.toString();
	return s ? `?${s}` : '';
}

/** A shop's public page facts; null when there is no such (registered) shop. */
export const publicShopOf = (merchantId: string) =>
	cached(`/public/merchants/${enc(merchantId)}`, publicShop);

export const publicShops = (q: Partial<PublicShopQuery>) =>
	cached(`/public/merchants${search(q)}`, publicShopPage);

/** The map's dots for a search: the same filters, a capped sample (see the processor's query). */
export const publicMap = (q: Partial<PublicMapQuery>) =>
	cached(`/public/map${search(q)}`, publicMapPage);

export const publicInspections = (q: Partial<PublicInspectionQuery>) =>
	cached(`/public/inspections${search(q)}`, publicInspectionPage);

/**
 * A complaint's tracking view, never cached: the complainant comes back for the bureau's answer,
 * and a code just filed must not stay "not found".
 */
export const complaintOf = (code: string) =>
	cached(`/public/complaints/${enc(code)}`, complaintTracking, { ttlMs: 0 });
