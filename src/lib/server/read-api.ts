import type { z } from 'zod';
import type { TicketClaims } from '../domain/auth/claims';
import { ticketFor } from './auth/viewer';
import { config } from './config';

export class ReadApiError extends Error {
	override name = 'ReadApiError';
	constructor(
		message: string,
		readonly status: number,
		options?: ErrorOptions
	) {
		super(message, options);
	}
}

/**
 * GETs a path of the processor's read API with a ticket for the viewer's claims (the read API
 * cuts every answer to them) and parses the answer with `schema`. Bounded by a timeout: a
 * stalled processor makes a page fail clearly, not hang.
 */
export async function readApi<S extends z.ZodType>(
	claims: TicketClaims,
	path: string,
	schema: S,
	{ timeoutMs = 5_000, fetchFn = fetch }: { timeoutMs?: number; fetchFn?: typeof fetch } = {}
): Promise<z.infer<S>> {
	return getParsed(path, await ticketFor(claims, 'read-api'), schema, { timeoutMs, fetchFn });
}

/** One GET of the read API with a ticket, its answer parsed: what every read of it shares. */
export async function getParsed<S extends z.ZodType>(
	path: string,
	ticket: string,
	schema: S,
	{ timeoutMs = 5_000, fetchFn = fetch }: { timeoutMs?: number; fetchFn?: typeof fetch } = {}
): Promise<z.infer<S>> {
	const url = new URL(path, config().API_URL);
	let res: Response;
	try {
		res = await fetchFn(url, {
			signal: AbortSignal.timeout(timeoutMs),
			headers: { authorization: `Bearer ${ticket}` }
		});
	} catch (cause) {
		throw new ReadApiError(`read API unreachable at ${url.origin}`, 503, { cause });
	}
	if (!res.ok) {
		throw new ReadApiError(`read API ${url.pathname} answered ${res.status}`, res.status);
	}
	const parsed = schema.safeParse(await res.json());
	if (!parsed.success) {
		throw new ReadApiError(`read API ${url.pathname} sent an unexpected shape`, 502);
	}
	return parsed.data;
}
