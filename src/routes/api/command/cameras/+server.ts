import { cameraList } from '$lib/domain/video/camera-list';
import { districtRead } from '../proxy.server';

/** The cameras of the wall's scope (or one district of it), for the screen's video strip. */
export const GET = districtRead('/api/cameras', cameraList, {
	timeoutMs: 5_000,
	cacheControl: 'private, max-age=30'
});
