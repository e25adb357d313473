import { jwtVerify, SignJWT, errors } from 'jose';
import { ticketClaims, type TicketClaims } from '../../domain/auth/claims';

export class TicketError extends Error {
	override name = 'TicketError';
}

const ISSUER = 'fs-web';
const AUDIENCE = 'fs-readers';
const encoder = new TextEncoder();

/** The default life of a ticket: short, since readers cannot revoke one. */
export const TICKET_TTL_SECONDS = 300;

/** Signs claims into a short-lived ticket (JWT, HS256), for the read API, gateway and video. */
export async function signTicket(
	claims: TicketClaims,
	secret: string,
	ttlSeconds = TICKET_TTL_SECONDS
): Promise<string> {
	const { sub, ...rest } = ticketClaims.parse(claims);
	return new SignJWT(rest)
		.setProtectedHeader({ alg: 'HS256' })
		.setSubject(sub)
		.setIssuer(ISSUER)
		.setAudience(AUDIENCE)
		.setIssuedAt()
		.setExpirationTime(`${ttlSeconds}s`)
		.sign(encoder.encode(secret));
}

/** Checks signature, issuer, audience and expiry, then the claims' shape. Throws a TicketError. */
export async function verifyTicket(token: string, secret: string): Promise<TicketClaims> {
	let payload: unknown;
	try {
		({ payload } = await jwtVerify(token, encoder.encode(secret), {
			algorithms: ['HS256'],
			issuer: ISSUER,
			audience: AUDIENCE
		}));
	} catch (e) {
		throw new TicketError(e instanceof errors.JWTExpired ? 'ticket expired' : 'invalid ticket', {
			cause: e
		});
	}
	const parsed = ticketClaims.safeParse(payload);
	if (!parsed.success) throw new TicketError('invalid ticket claims');
	return parsed.data;
}

/** Demo or development secrets that must never guard a production system. */
const WEAK = /^(secret|changeme|password|demo|test|dev)/i;

/**
 * Why a ticket secret is not fit for use, or null when it is. In production it must be long
 * and not a placeholder; elsewhere any non-empty secret will do.
 */
export function ticketSecretProblem(
	secret: string | undefined,
	production: boolean
): string | null {
	if (!secret) return 'TICKET_SECRET is missing';
	if (production && (secret.length < 32 || WEAK.test(secret))) {
		return 'TICKET_SECRET is too weak for production: use 32 or more random characters';
	}
	return null;
}
