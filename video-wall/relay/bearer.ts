import { decodeJwt } from 'jose';
import { TicketError, verifyTicket } from '../../src/lib/server/auth/ticket';
import type { Bearer } from './admission';

/** Reads `?ticket=`: absent = the public; otherwise verified (audience `video`) with its expiry. */
export async function bearerOf(ticket: string, secret: string): Promise<Bearer> {
	if (!ticket) return { claims: null };
	try {
		const claims = await verifyTicket(ticket, secret, 'video');
		const exp = decodeJwt(ticket).exp;
		return { claims, until: exp ? exp * 1000 : undefined };
	} catch (e) {
		return { ticketError: e instanceof TicketError ? e.message : 'invalid ticket' };
	}
}
