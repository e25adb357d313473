import { districts } from '../../domain/districts';
import type { TicketClaims } from '../../domain/auth/claims';
import { config } from '../config';
import { signTicket, TICKET_TTL_SECONDS, type TicketAudience } from './ticket';

/**
 * Who the web server's pages act for. Accounts and sessions are not built yet (issue 3, next
 * part): until they are, every page acts as one interim viewer, a supervisor of the whole city.
 * What this already buys: the read API and the live gateway answer only tickets signed with the
 * server's secret, so nothing reaches them around the web server. With sessions, this returns
 * the signed-in user's claims instead and the pages keep calling it the same way.
 */
export const interimViewer: TicketClaims = {
	sub: 'interim-viewer',
	role: 'supervisor',
	districts: districts.map((d) => d.id),
	merchants: []
};

const cached = new Map<TicketAudience, { ticket: string; until: number }>();

/**
 * A ticket for the current viewer, reused while it has more than half its life left. Only
 * `gateway` tickets may go to a browser; `read-api` ones stay on this server.
 */
export async function viewerTicket(audience: TicketAudience, now = Date.now()): Promise<string> {
	const hit = cached.get(audience);
	if (hit && hit.until > now) return hit.ticket;
	const ticket = await signTicket(interimViewer, config().TICKET_SECRET, audience);
	cached.set(audience, { ticket, until: now + (TICKET_TTL_SECONDS * 1000) / 2 });
	return ticket;
}
