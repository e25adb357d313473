import type { TicketClaims } from '../../domain/auth/claims';
import { config } from '../config';
import { signTicket, TICKET_TTL_SECONDS, type TicketAudience } from './ticket';

const cached = new Map<string, { ticket: string; until: number }>();
const CACHE_LIMIT = 2_000;

/**
 * A ticket for a signed-in viewer's claims, reused while it has more than half its life left.
 * Only `gateway` tickets may go to a browser; `read-api` ones stay on this server. The claims
 * come from the session of this request (hooks.server.ts), never from the request itself.
 */
export async function ticketFor(
	claims: TicketClaims,
	audience: TicketAudience,
	now = Date.now()
): Promise<string> {
	const key = `${audience}\n${JSON.stringify(claims)}`;
	const hit = cached.get(key);
	if (hit && hit.until > now) return hit.ticket;
	const ticket = await signTicket(claims, config().TICKET_SECRET, audience);
	if (cached.size >= CACHE_LIMIT) cached.clear();
	cached.set(key, { ticket, until: now + (TICKET_TTL_SECONDS * 1000) / 2 });
	return ticket;
}
