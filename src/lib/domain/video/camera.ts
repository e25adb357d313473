import { z } from 'zod';
import type { FsEvent } from '../events';
import { cameraArea, offlineReasons, type CameraSource } from '../events/camera';

/** A camera as the processor and the video service know it (from its events). */
export interface Camera {
	cameraId: string;
	merchantId: string;
	districtId: string;
	name: string;
	area: z.infer<typeof cameraArea>;
	source: CameraSource;
	publicView: boolean;
	recording: boolean;
	retentionDays: number;
	/** online until the video service says otherwise; `offline` carries why and since when. */
	status: 'online' | 'offline';
	offline?: { reason: (typeof offlineReasons)[number]; since: string; detail?: string };
	/** Event time of the last change, for "as of" displays. */
	updatedAt: string;
}

export type CameraEvent = Extract<FsEvent, { type: `camera.${string}` }>;

export function isCameraEvent(e: { type: string }): e is CameraEvent {
	return e.type.startsWith('camera.');
}

/**
 * Applies one camera event to a directory of cameras (keyed by cameraId), in place. Pure apart
 * from the map it is given; both the processor and the video service fold the same events with
 * it, so they agree on what exists. A camera id belongs to the merchant that registered it:
 * events for it from another merchant are ignored (returns false).
 */
export function applyCameraEvent(cameras: Map<string, Camera>, e: CameraEvent): boolean {
	const id = e.payload.cameraId;
	const known = cameras.get(id);
	if (known && known.merchantId !== e.merchantId) return false;
	switch (e.type) {
		case 'camera.registered': {
			const { cameraId, ...settings } = e.payload;
			cameras.set(id, {
				cameraId,
				merchantId: e.merchantId,
				districtId: e.districtId,
				...settings,
				status: known?.status ?? 'online',
				offline: known?.offline,
				updatedAt: e.occurredAt
			});
			return true;
		}
		case 'camera.updated': {
			if (!known) return false;
			const { cameraId: _, ...changes } = e.payload;
			const defined = Object.fromEntries(
				Object.entries(changes).filter(([, v]) => v !== undefined)
			) as Partial<Camera>;
			cameras.set(id, { ...known, ...defined, districtId: e.districtId, updatedAt: e.occurredAt });
			return true;
		}
		case 'camera.removed':
			return cameras.delete(id);
		case 'camera.offline': {
			if (!known) return false;
			const { reason, since, detail } = e.payload;
			cameras.set(id, { ...known, status: 'offline', offline: { reason, since, detail } });
			return true;
		}
		case 'camera.online': {
			if (!known) return false;
			cameras.set(id, { ...known, status: 'online', offline: undefined });
			return true;
		}
	}
}

/**
 * What a browser may see of a camera: never its source (an RTSP address may hold a password).
 * Public pages get even less (`publicCameraView`).
 */
export const cameraView = z.object({
	cameraId: z.string(),
	merchantId: z.string(),
	districtId: z.string(),
	name: z.string(),
	area: cameraArea,
	publicView: z.boolean(),
	recording: z.boolean(),
	retentionDays: z.number(),
	status: z.enum(['online', 'offline']),
	offline: z
		.object({ reason: z.enum(offlineReasons), since: z.string(), detail: z.string().optional() })
		.optional()
});
export type CameraView = z.infer<typeof cameraView>;

export function viewOf(c: Camera): CameraView {
	const { source: _, updatedAt: __, ...view } = c;
	return view;
}

/** For diners: which camera, where, and whether it is on; nothing about why it is not. */
export const publicCameraView = cameraView.pick({
	cameraId: true,
	merchantId: true,
	name: true,
	area: true,
	status: true
});
export type PublicCameraView = z.infer<typeof publicCameraView>;
