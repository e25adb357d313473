import { z } from 'zod';
import type { CameraArea } from '../events/camera';
import { cameraView, publicCameraView, viewOf, type Camera } from './camera';

/**
 * A camera as the read API lists it (`GET /api/cameras`, `GET /api/merchants/:id/cameras`):
 * its browser view (never the source address) with the merchant's name, for the camera tree
 * district → merchant → area, and which kind of source it is (an RTSP camera or the test
 * pattern; the address itself stays in the backbone).
 */
export const cameraListItem = cameraView.extend({
	merchantName: z.string(),
	sourceKind: z.enum(['rtsp', 'test_pattern'])
});
export type CameraListItem = z.infer<typeof cameraListItem>;
export const cameraList = z.object({ items: z.array(cameraListItem) });
export type CameraList = z.infer<typeof cameraList>;

/** The public kitchen page's answer: the shop's name and its public cameras only. */
export const publicKitchen = z.object({
	merchant: z.object({ id: z.string(), name: z.string() }),
	cameras: z.array(publicCameraView)
});
export type PublicKitchen = z.infer<typeof publicKitchen>;

export function listItemOf(c: Camera, merchantName: string): CameraListItem {
	return { ...viewOf(c), merchantName, sourceKind: c.source.kind };
}

/** The stove first: what diners and officers look for; then cold dishes, washing, storage. */
const areaOrder: readonly CameraArea[] = ['cooking', 'cold_dishes', 'washing', 'storage'];
const areaRank = new Map<string, number>(areaOrder.map((a, i) => [a, i]));

/** The tree's order: district, merchant (by name, then id), area (cooking first), camera name. */
export function byTree(a: CameraListItem, b: CameraListItem): number {
	return (
		a.districtId.localeCompare(b.districtId) ||
		a.merchantName.localeCompare(b.merchantName, 'zh-CN') ||
		a.merchantId.localeCompare(b.merchantId) ||
		(areaRank.get(a.area) ?? 9) - (areaRank.get(b.area) ?? 9) ||
		a.name.localeCompare(b.name, 'zh-CN') ||
		a.cameraId.localeCompare(b.cameraId)
	);
}

/** What diners may see of a shop's cameras: the public ones, and of them only name, area, status. */
export function publicCamerasOf(cameras: Iterable<Camera>): z.infer<typeof publicCameraView>[] {
	return [...cameras]
		.filter((c) => c.publicView)
		.map((c) => publicCameraView.parse(c))
		.sort(
			(a, b) =>
				(areaRank.get(a.area) ?? 9) - (areaRank.get(b.area) ?? 9) || a.name.localeCompare(b.name)
		);
}

/** `GET /api/video/ticket` (web server): where the video service is and the viewer's ticket. */
export const videoTicket = z.object({
	/** http(s) origin of the video service; players open ws(s):// on the same host. */
	videoUrl: z.url(),
	/** Audience `video`, minutes long: ask again when the service closes with 4401. */
	ticket: z.string().min(1)
});
export type VideoTicket = z.infer<typeof videoTicket>;
