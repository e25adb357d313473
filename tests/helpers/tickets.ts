import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { PUBLIC_READER, signTicket, type TicketAudience } from '../../src/lib/server/auth/ticket';

/** The ticket secret of every test system. */
export const TEST_TICKET_SECRET = 'Xk3vQ9tLw2RzP7mN4bYc8HdJ6fGs1aE0uT5o';

export const adminClaims: TicketClaims = {
	sub: 'test-admin',
	role: 'admin',
	districts: [],
	merchants: []
};

export function ticketFor(
	claims: TicketClaims = adminClaims,
	audience: TicketAudience = 'read-api'
): Promise<string> {
	return signTicket(claims, TEST_TICKET_SECRET, audience);
}

export async function authHeaders(
	claims: TicketClaims = adminClaims
): Promise<Record<string, string>> {
	return { authorization: `Bearer ${await ticketFor(claims)}` };
}

/** The web server's proof on the processor's `/public/*` reads (a public-read ticket). */
export async function publicHeaders(): Promise<Record<string, string>> {
	return { authorization: `Bearer ${await ticketFor(PUBLIC_READER, 'public-read')}` };
}
