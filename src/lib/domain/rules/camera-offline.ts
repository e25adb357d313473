import type { AlertDraft } from '../alert';
import type { FsEventOf } from '../events';
import type { Camera } from '../video/camera';

/**
 * A 明厨亮灶 camera gone dark: the video service says so (`camera.offline`). One alert per camera
 * and offline spell (the spell's start is the period, so the service repeating itself during
 * the spell, or after its own restart, raises nothing new). A camera that keeps dropping out
 * while its last alert is still being handled adds no second one: the officer already has it
 * in hand, and a flapping camera would otherwise flood the alert centre.
 *
 * Severity medium, like a fridge out of range: the kitchen is not seen, which is a lapse of
 * its duty to keep the camera on, but no food is known to be at risk.
 */
export function cameraOffline(
	e: FsEventOf<'camera.offline'>,
	camera: Camera | undefined,
	spell: {
		/** When the spell began (the first offline event's `since` while the camera was online). */
		since: string;
		/** An alert of this rule for this camera is still being handled. */
		unresolved: boolean;
	}
): AlertDraft | null {
	if (!camera || camera.status !== 'offline' || spell.unresolved) return null;
	const p = e.payload;
	return {
		rule: 'camera_offline',
		severity: 'medium',
		merchantId: e.merchantId,
		districtId: e.districtId,
		period: `${camera.cameraId}:${spell.since}`,
		source: `camera:${camera.cameraId}`,
		facts: {
			cameraId: camera.cameraId,
			cameraName: camera.name,
			area: camera.area,
			offlineReason: p.reason,
			since: spell.since
		},
		evidence: [e.id]
	};
}

/** Whether an alert (any rule) is about this camera: the facts name it. */
export function isAboutCamera(
	alert: { rule: string; facts: Record<string, string | number> },
	cameraId: string
): boolean {
	return alert.rule === 'camera_offline' && alert.facts.cameraId === cameraId;
}
