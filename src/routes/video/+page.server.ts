import { districts } from '$lib/domain/districts';
import { localDay } from '$lib/domain/time';
import { cameraList, type CameraListItem } from '$lib/domain/video/camera-list';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi, ReadApiError } from '$lib/server/read-api';
import type { PageServerLoad } from './$types';

/** Regulators watch their districts' kitchens (the video service checks every socket again). */
const VIDEO_WALL_VIEWERS = ['admin', 'supervisor', 'inspector'] as const;

/** The regulator video wall (视频监管): the camera tree, live grids, playback. */
export const load: PageServerLoad = async ({ locals }) => {
	const viewer = viewerOf(locals, VIDEO_WALL_VIEWERS);
	// The read API cuts the list to the viewer's districts.
	let cameras: CameraListItem[] | null = null;
	try {
		cameras = (await readApi(viewer.claims, '/api/cameras', cameraList)).items;
	} catch (e) {
		if (!(e instanceof ReadApiError)) throw e;
	}
	return { cameras, districtOrder: districts.map((d) => d.id), today: localDay(Date.now()) };
};
