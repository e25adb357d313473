import type { z } from 'zod';
import { PUBLIC_READER } from './auth/ticket';
import { ticketFor } from './auth/viewer';
import { config } from './config';
import { ReadApiError } from './read-api';

/**
 * GETs one of the processor's `/public/*` reads (shop facts, search, menu, table order, public
 * cameras) and parses it with `schema`; null when the shop or thing is not there (404) or the
 * path is malformed (400). The answers are public, but the processor answers only the web
 * server: the call carries a `public-read` ticket, so nobody skips this server's rate limits
 * and caches by calling the processor's port directly.
 */
export async function publicRead<S extends z.ZodType>(
	path: string,
	schema: S,
	{ timeoutMs = 5_000 }: { timeoutMs?: number } = {}
): Promise<z.infer<S> | null> {
	const url = new URL(path, config().API_URL);
	let res: Response;
	try {
		res = await fetch(url, {
			signal: AbortSignal.timeout(timeoutMs),
			headers: { authorization: `Bearer ${await ticketFor(PUBLIC_READER, 'public-read')}` }
		});
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
