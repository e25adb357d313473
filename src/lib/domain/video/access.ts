import type { TicketClaims } from '../auth/claims';
import { mayRead, readScope } from '../auth/policy';

/**
 * Whether a bearer may watch a camera (live, snapshot, recordings). Regulators and screens
 * within their districts, merchants their own cameras, everyone else (no ticket) only cameras
 * the merchant opened to the public. Decided by the video service from the signed ticket when
 * the socket or request opens, never from what the page asks for.
 */
export function mayWatch(
	claims: TicketClaims | null,
	camera: { merchantId: string; districtId: string; publicView: boolean }
): boolean {
	if (!claims) return camera.publicView;
	return mayRead(readScope(claims), camera) || camera.publicView;
}

/**
 * Recordings are evidence: only regulators (and screens) of the district and the merchant itself
 * play them back, never the public, even for a public camera.
 */
export function mayPlayBack(
	claims: TicketClaims | null,
	camera: { merchantId: string; districtId: string }
): boolean {
	if (!claims) return false;
	return mayRead(readScope(claims), camera);
}

/** Who may change a camera (register, public-view switch, recording): its merchant's owner, regulators of its district, admins. */
export function mayConfigure(
	claims: TicketClaims,
	camera: { merchantId: string; districtId: string }
): boolean {
	if (claims.role === 'admin') return true;
	if (claims.role === 'merchant_owner') return claims.merchants.includes(camera.merchantId);
	if (claims.role === 'supervisor') return claims.districts.includes(camera.districtId);
	return false;
}
