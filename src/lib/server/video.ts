import { publicKitchen, type PublicKitchen } from '../domain/video/camera-list';
import { config } from './config';
import { ReadApiError } from './read-api';

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
 * A shop's public cameras from the read API's open path (no ticket: what it answers is public
 * by construction, `publicCameraView` only). Null when there is no such shop.
 */
export async function publicKitchenOf(
	merchantId: string,
	{ timeoutMs = 5_000 } = {}
): Promise<PublicKitchen | null> {
	const url = new URL(
		`/public/merchants/${encodeURIComponent(merchantId)}/kitchen`,
		config().API_URL
	);
	let res: Response;
	try {
		res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
	} catch (cause) {
		throw new ReadApiError(`read API unreachable at ${url.origin}`, 503, { cause });
	}
	if (res.status === 404 || res.status === 400) return null;
	if (!res.ok) {
		throw new ReadApiError(`read API ${url.pathname} answered ${res.status}`, res.status);
	}
	const parsed = publicKitchen.safeParse(await res.json());
	if (!parsed.success) {
		throw new ReadApiError(`read API ${url.pathname} sent an unexpected shape`, 502);
	}
	return parsed.data;
}
