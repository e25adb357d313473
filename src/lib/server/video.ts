import { publicKitchen, type PublicKitchen } from '../domain/video/camera-list';
import { config } from './config';
import { publicRead } from './public-read';

/**
 * Where browsers reach the video service (video-wall/): the configured PUBLIC_VIDEO_URL, else
 * the host the page was served from on VIDEO_PORT (as the live gateway's default). An http(s)
 * origin; players open `ws(s)://` on the same host (videoPaths in $lib/domain/video).
 */
export function videoOrigin(page: URL): string {
	const { PUBLIC_VIDEO_URL, VIDEO_PORT } = config();
	return PUBLIC_VIDEO_URL ?? `${page.protocol}//${page.hostname}:${VIDEO_PORT}`;
}

/**
 * A shop's public cameras from the read API's public path (no viewer: what it answers is public
 * by construction, `publicCameraView` only). Null when there is no such shop.
 */
export function publicKitchenOf(
	merchantId: string,
	{ timeoutMs = 5_000 } = {}
): Promise<PublicKitchen | null> {
	return publicRead(`/public/merchants/${encodeURIComponent(merchantId)}/kitchen`, publicKitchen, {
		timeoutMs
	});
}
