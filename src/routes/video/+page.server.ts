import { z } from 'zod';
import { districts } from '$lib/domain/districts';
import { localDay } from '$lib/domain/time';
import { cameraView } from '$lib/domain/video/camera';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi, ReadApiError } from '$lib/server/read-api';
import type { PageServerLoad } from './$types';

/** Regulators watch their districts' kitchens (the video service checks every socket again). */
export const VIDEO_WALL_VIEWERS = ['admin', 'supervisor'] as const;

/** The read API's camera list, cut to the viewer's districts; the merchant's name for the tree. */
const cameraList = z.object({
	cameras: z.array(cameraView.extend({ merchantName: z.string().optional() }))
});

/** The regulator video wall (视频监管): the camera tree, live grids, playback. */
export const load: PageServerLoad = async ({ locals }) => {
	const viewer = viewerOf(locals, VIDEO_WALL_VIEWERS);
	let cameras: z.infer<typeof cameraList>['cameras'] | null = null;
	try {
		cameras = (await readApi(viewer.claims, '/api/cameras', cameraList)).cameras;
	} catch (e) {
		if (!(e instanceof ReadApiError)) throw e;
	}
	return { cameras, districtOrder: districts.map((d) => d.id), today: localDay(Date.now()) };
};
