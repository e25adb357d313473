import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { mayRead, readScope } from '../../src/lib/domain/auth/policy';
import { mayWatch } from '../../src/lib/domain/video/access';
import type { Camera } from '../../src/lib/domain/video/camera';
import { videoCloseCodes } from '../../src/lib/domain/video/protocol';

/** What the bearer showed: no ticket (the public), a valid one, or one that failed. */
export type Bearer = { claims: TicketClaims | null; until?: number } | { ticketError: string };

export type Admission =
	| { ok: true; claims: TicketClaims | null; until?: number; isPublic: boolean }
	| { ok: false; code: number; reason: string };

/**
 * Whether a bearer may watch this camera now, decided from the signed ticket alone. A diner is
 * anyone who reaches the camera only because it is public (no ticket, or a ticket without this
 * camera in its scope): diners count against the per-camera cap, regulators and the merchant do not.
 */
export function admit(
	bearer: Bearer,
	camera: Camera | undefined,
	publicViewers: number,
	publicCap: number
): Admission {
	if ('ticketError' in bearer) {
		return { ok: false, code: videoCloseCodes.unauthorized, reason: bearer.ticketError };
	}
	if (!camera) return { ok: false, code: videoCloseCodes.unknown, reason: 'no such camera' };
	const { claims } = bearer;
	if (!mayWatch(claims, camera)) {
		return {
			ok: false,
			code: videoCloseCodes.forbidden,
			reason: claims ? 'camera outside your scope' : 'camera not public'
		};
	}
	const isPublic = !claims || !mayRead(readScope(claims), camera);
	if (isPublic && publicViewers >= publicCap) {
		return { ok: false, code: videoCloseCodes.full, reason: 'too many viewers' };
	}
	return { ok: true, claims, until: bearer.until, isPublic };
}

/** The HTTP status of a refusal, for GET routes (snapshot) that share the WS decision. */
export function httpStatusOf(code: number): number {
	return code - 4000;
}
