import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { viewerOf, WALL_VIEWERS } from '$lib/server/auth/guard';
import { readApi, ReadApiError } from '$lib/server/read-api';

/** Query parameters shared by the command screen's proxies. */
export const districtParam = z
	.string()
	.regex(/^\d{6}$/, 'district must be a 6-digit administrative code')
	.optional();

/** Parse a query string with a schema; a bad one is the caller's mistake (400). */
export function parseQuery<S extends z.ZodType>(
	url: URL,
	schema: S
): { ok: true; data: z.infer<S> } | { ok: false; response: Response } {
	const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
	if (parsed.success) return { ok: true, data: parsed.data };
	const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
	return { ok: false, response: json({ error: message }, { status: 400 }) };
}

/**
 * Read-API failures become a JSON error: a refusal (403/404) or a bad query (400) keeps its
 * status, its own failures are a 5xx (503 when it is unreachable).
 */
export function proxyError(err: unknown): Response {
	if (err instanceof ReadApiError) {
		const passed = [400, 403, 404].includes(err.status);
		return json({ error: err.message }, { status: passed || err.status >= 500 ? err.status : 502 });
	}
	throw err;
}

/**
 * A wall read of the viewer's scope or one district of it (`?district=`), passed to the read
 * API with the viewer's claims and answered as it came, parsed.
 */
export function districtRead<S extends z.ZodType>(
	path: string,
	schema: S,
	{ timeoutMs, cacheControl }: { timeoutMs: number; cacheControl: string }
): RequestHandler {
	const query = z.object({ district: districtParam });
	return async ({ url, locals }) => {
		const q = parseQuery(url, query);
		if (!q.ok) return q.response;
		const params = new URLSearchParams();
		if (q.data.district) params.set('district', q.data.district);
		try {
			const claims = viewerOf(locals, WALL_VIEWERS).claims;
			const body = await readApi(claims, `${path}?${params}`, schema, { timeoutMs });
			return json(body, { headers: { 'cache-control': cacheControl } });
		} catch (err) {
			return proxyError(err);
		}
	};
}
