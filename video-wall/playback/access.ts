import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import type { Camera } from '../../src/lib/domain/video/camera';
import { mayPlayBack } from '../../src/lib/domain/video/access';
import { videoCloseCodes } from '../../src/lib/domain/video/protocol';
import { TicketError, verifyTicket } from '../../src/lib/server/auth/ticket';

export type Refusal = 'unauthorized' | 'forbidden' | 'unknown';

/** A refusal as a socket close code and as an HTTP status. */
export const refusalCodes: Record<Refusal, { close: number; status: number }> = {
	unauthorized: { close: videoCloseCodes.unauthorized, status: 401 },
	forbidden: { close: videoCloseCodes.forbidden, status: 403 },
	unknown: { close: videoCloseCodes.unknown, status: 404 }
};

export type CameraLookup = (
	cameraId: string
) => Pick<Camera, 'cameraId' | 'merchantId' | 'districtId'> | undefined;

/**
 * Whether the bearer of `ticket` may play back the camera's recordings, decided from the signed
 * ticket alone. Recordings are evidence: no ticket is refused (the public never plays back), then
 * who may not see the camera, then a camera that does not exist (so the unauthenticated cannot
 * probe which ids exist).
 */
export async function playbackAccess(
	ticket: string | null,
	cameraId: string,
	deps: { ticketSecret: string; camera: CameraLookup }
): Promise<{ ok: true; claims: TicketClaims } | { ok: false; refusal: Refusal }> {
	if (!ticket) return { ok: false, refusal: 'unauthorized' };
	let claims: TicketClaims;
	try {
		claims = await verifyTicket(ticket, deps.ticketSecret, 'video');
	} catch (e) {
		if (e instanceof TicketError) return { ok: false, refusal: 'unauthorized' };
		throw e;
	}
	const camera = deps.camera(cameraId);
	if (!camera) return { ok: false, refusal: 'unknown' };
	if (!mayPlayBack(claims, camera)) return { ok: false, refusal: 'forbidden' };
	return { ok: true, claims };
}
