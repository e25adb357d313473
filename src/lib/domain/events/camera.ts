import { z } from 'zod';
import { entityId } from '../ids';
import { isoInstant, shortText } from './common';

/** Where in the kitchen a camera looks (明厨亮灶 areas). */
export const cameraAreas = ['cold_dishes', 'cooking', 'washing', 'storage'] as const;
export const cameraArea = z.enum(cameraAreas);
export type CameraArea = z.infer<typeof cameraArea>;

/**
 * Where the pictures come from: a camera's RTSP address, or the built-in test pattern (ffmpeg
 * lavfi with the merchant, area and clock burned in) for the demo and the tests. An RTSP address
 * may carry the camera's password: it stays in the backbone and the video service, never in a
 * browser (see `cameraView`).
 */
export const cameraSource = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('rtsp'),
		url: z
			.string()
			.max(500)
			.regex(/^rtsps?:\/\/[^\s]+$/, 'must be an rtsp:// address')
	}),
	z.object({ kind: z.literal('test_pattern') })
]);
export type CameraSource = z.infer<typeof cameraSource>;

/** The rules ask for at least 7 days of recordings; a bureau may ask for more. */
export const DEFAULT_RETENTION_DAYS = 7;
export const retentionDays = z.number().int().min(1).max(365);

const cameraSettings = z.object({
	name: shortText(50),
	area: cameraArea,
	source: cameraSource,
	/** The merchant decides whether diners may watch this camera on the shop's public page. */
	publicView: z.boolean(),
	recording: z.boolean(),
	retentionDays
});

export const cameraRegistered = cameraSettings.extend({
	cameraId: entityId,
	retentionDays: retentionDays.default(DEFAULT_RETENTION_DAYS)
});
/** Only the fields that change; the rest stay as they were. */
export const cameraUpdated = cameraSettings.partial().extend({ cameraId: entityId });
export const cameraRemoved = z.object({ cameraId: entityId });

/**
 * Why the video service declared a camera dark. `refused_address`: its address is one the
 * service must not connect to (loopback, link-local, metadata…; see video/source-address.ts).
 */
export const offlineReasons = [
	'no_data',
	'unreachable',
	'encoder_failing',
	'refused_address'
] as const;
export const cameraOffline = z.object({
	cameraId: entityId,
	reason: z.enum(offlineReasons),
	/** ffmpeg's last error line or the like, for the duty officer; never a source address. */
	detail: shortText(300).optional(),
	/** When the last picture arrived (or the first failed attempt). */
	since: isoInstant
});
export const cameraOnline = z.object({ cameraId: entityId });
