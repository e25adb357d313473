import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { TicketError, verifyTicket } from '../../src/lib/server/auth/ticket';
import { HttpError, type ApiRequest, type Handler, type Reply } from './http';

/**
 * A handler that runs only for the bearer of a valid ticket (`Authorization: Bearer …`), with
 * its claims. Everything it answers is scoped by those claims, never by what the request asks.
 */
export function withTicket(
	secret: string,
	handler: (req: ApiRequest, claims: TicketClaims) => Promise<Reply>
): Handler {
	return async (req) => {
		const match = /^Bearer\s+(\S+)$/i.exec(req.authorization);
		if (!match) throw new HttpError(401, 'ticket required');
		let claims: TicketClaims;
		try {
			claims = await verifyTicket(match[1] as string, secret, 'read-api');
		} catch (e) {
			throw new HttpError(401, e instanceof TicketError ? e.message : 'invalid ticket');
		}
		return handler(req, claims);
	};
}

/**
 * A handler for the `/public/*` reads: their answers are public, but only the web server may ask
 * (a `public-read` ticket, signed with the shared secret), so its rate limits and caches cannot
 * be skipped by calling the processor's port, which browsers reach for the live feed.
 */
export function withPublicTicket(secret: string, handler: Handler): Handler {
	return async (req) => {
		const match = /^Bearer\s+(\S+)$/i.exec(req.authorization);
		if (!match) throw new HttpError(401, 'for the web server only');
		try {
			await verifyTicket(match[1] as string, secret, 'public-read');
		} catch {
			throw new HttpError(401, 'for the web server only');
		}
		return handler(req);
	};
}
