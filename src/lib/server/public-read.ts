import type { z } from 'zod';
import { PUBLIC_READER } from './auth/ticket';
import { ticketFor } from './auth/viewer';
import { getParsed, ReadApiError } from './read-api';

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
	try {
		const ticket = await ticketFor(PUBLIC_READER, 'public-read');
		return await getParsed(path, ticket, schema, { timeoutMs });
	} catch (e) {
		if (e instanceof ReadApiError && (e.status === 404 || e.status === 400)) return null;
		throw e;
	}
}
