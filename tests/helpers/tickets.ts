import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { signTicket } from '../../src/lib/server/auth/ticket';

/** The ticket secret of every test system. */
export const TEST_TICKET_SECRET = 'integration-tests-ticket-secret-0123456789';

export const adminClaims: TicketClaims = {
	sub: 'test-admin',
	role: 'admin',
	districts: [],
	merchants: []
};

export function ticketFor(
	claims: TicketClaims = adminClaims,
	ttlSeconds?: number
): Promise<string> {
	return signTicket(claims, TEST_TICKET_SECRET, ttlSeconds);
}

export async function authHeaders(
	claims: TicketClaims = adminClaims
): Promise<Record<string, string>> {
	return { authorization: `Bearer ${await ticketFor(claims)}` };
}
