import type { z } from 'zod';
import {
	complaintTracking,
	publicInspectionPage,
	publicShop,
	publicShopPage,
	type PublicInspectionQuery,
	type PublicShopQuery
} from '../../domain/public/public-shop';
import { config } from '../config';
import { ReadApiError } from '../read-api';

/** How long a public answer is reused: a diner at the door does not need it fresher. */
export const PUBLIC_TTL_MS = 60_000;
/** Entries kept: every shop of a large city fits; past it the oldest go first. */
const MAX_ENTRIES = 20_000;

interface Entry {
	at: number;
	value: Promise<unknown>;
}

/**
 * Answers of the processor's open `/public/*` reads, cached in this process by path. Safe to
 * share between visitors: the answers are public by construction (the same for everyone, no
 * viewer in the key) and parsed against their public schemas before they are kept. A miss
 * shared by concurrent requests asks the processor once; a failure is not kept.
 */
const cache = new Map<string, Entry>();

async function fetchOpen<S extends z.ZodType>(
	path: string,
	schema: S,
	timeoutMs: number
): Promise<z.infer<S> | null> {
	const url = new URL(path, config().API_URL);
	let res: Response;
	try {
		res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
	} catch (cause) {
		throw new ReadApiError(`read API unreachable at ${url.origin}`, 503, { cause });
	}
	if (res.status === 404 || res.status === 400) return null;
	if (!res.ok) {
		throw new ReadApiError(`read API ${url.pathname} answered ${res.status}`, res.status);
	}
	const parsed = schema.safeParse(await res.json());
	if (!parsed.success) {
		throw new ReadApiError(`read API ${url.pathname} sent an unexpected shape`, 502);
	}
	return parsed.data;
}

function cached<S extends z.ZodType>(
	path: string,
	schema: S,
	{ ttlMs = PUBLIC_TTL_MS, timeoutMs = 5_000, now = Date.now() } = {}
): Promise<z.infer<S> | null> {
	const hit = cache.get(path);
	if (hit && now - hit.at < ttlMs) return hit.value as Promise<z.infer<S> | null>;
	const value = fetchOpen(path, schema, timeoutMs);
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

function search(q: Partial<PublicShopQuery | PublicInspectionQuery>): string {
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

export const publicInspections = (q: Partial<PublicInspectionQuery>) =>
	cached(`/public/inspections${search(q)}`, publicInspectionPage);

/**
 * A complaint's tracking view, never cached: the complainant comes back for the bureau's answer,
 * and a code just filed must not stay "not found".
 */
export const complaintOf = (code: string) =>
	cached(`/public/complaints/${enc(code)}`, complaintTracking, { ttlMs: 0 });
