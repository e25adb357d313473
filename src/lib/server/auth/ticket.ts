import { jwtVerify, SignJWT, errors } from 'jose';
import { ticketClaims, type TicketClaims } from '../../domain/auth/claims';

export class TicketError extends Error {
	override name = 'TicketError';
}

const ISSUER = 'fs-web';
const encoder = new TextEncoder();

/**
 * Who a ticket is for. Browsers get `gateway` tickets (rooms only) and `video` tickets (the video
 * service); the read API takes only `read-api` tickets, which the web server keeps to itself: a
 * ticket handed to a browser cannot be replayed against the read API. `public-read` tickets are
 * the web server's proof on the processor's `/public/*` reads: those answers are public, but
 * the processor's port is reachable by browsers (the live feed), and only the web server's
 * rate limits and caches stand between a crowd and the store.
 */
export type TicketAudience = 'gateway' | 'read-api' | 'video' | 'public-read';

/** Whom a `public-read` ticket names: the web server itself, never a viewer. */
export const PUBLIC_READER: TicketClaims = {
	sub: 'fs-web-public',
	role: 'screen',
	districts: [],
	merchants: []
};

/** The default life of a ticket: short, since readers cannot revoke one. */
export const TICKET_TTL_SECONDS = 300;

/** Signs claims into a short-lived ticket (JWT, HS256), for the read API, gateway and video. */
export async function signTicket(
	claims: TicketClaims,
	secret: string,
	audience: TicketAudience,
	ttlSeconds = TICKET_TTL_SECONDS
): Promise<string> {
	const { sub, ...rest } = ticketClaims.parse(claims);
	return new SignJWT(rest)
		.setProtectedHeader({ alg: 'HS256' })
		.setSubject(sub)
		.setIssuer(ISSUER)
		.setAudience(`fs-${audience}`)
		.setIssuedAt()
		.setExpirationTime(`${ttlSeconds}s`)
		.sign(encoder.encode(secret));
}

/** Checks signature, issuer, audience and expiry, then the claims' shape. Throws a TicketError. */
export async function verifyTicket(
	token: string,
	secret: string,
	audience: TicketAudience
): Promise<TicketClaims> {
	let payload: unknown;
	try {
		({ payload } = await jwtVerify(token, encoder.encode(secret), {
			algorithms: ['HS256'],
			issuer: ISSUER,
			audience: `fs-${audience}`,
			// A ticket without an expiry, or signed to live longer than tickets do, is not one of ours.
			requiredClaims: ['exp', 'iat', 'sub'],
			maxTokenAge: TICKET_TTL_SECONDS,
			clockTolerance: 5
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

/** Placeholders that must never guard a real system. */
const PLACEHOLDER = /(secret|changeme|password|demo|example)/i;

/**
 * Why a ticket secret is not fit for use, or null when it is. It must be 32 or more characters
 * with some variety and no placeholder word, unless this is explicitly a development or test
 * run (NODE_ENV=development or test). `npm start` makes such a secret when none is set.
 */
export function ticketSecretProblem(secret: string | undefined, relaxed: boolean): string | null {
	if (!secret) return 'TICKET_SECRET is missing';
	const weak = secret.length < 32 || new Set(secret).size < 12 || PLACEHOLDER.test(secret);
	if (!relaxed && weak) {
		return 'TICKET_SECRET is too weak: use 32 or more random characters (NODE_ENV=development relaxes this)';
	}
	return null;
}
