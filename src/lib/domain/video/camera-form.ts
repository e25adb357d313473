import { z } from 'zod';
import { cameraRegistered, DEFAULT_RETENTION_DAYS } from '../events/camera';
import { checkSourceHost } from './source-address';

/** A shop's cameras are few; past this the form says so (the video service relays each one). */
export const MAX_CAMERAS_PER_MERCHANT = 16;

/** What the register form can get wrong, each with its message (`shopCameras.problem.*`). */
export type CameraFormProblem = 'name' | 'area' | 'rtspUrl' | 'rtspAddress' | 'tooMany';

export type CameraFormResult =
	| { ok: true; payload: z.infer<typeof cameraRegistered> }
	| { ok: false; problems: CameraFormProblem[] };

/**
 * The register form (name, area, source: an RTSP address or the test pattern, public view,
 * recording) as a `camera.registered` payload, checked by the event's own schema; its problems
 * are named per field so the page can mark them. Checkboxes send 'on' or nothing. An RTSP
 * address must not aim the video service at itself or its network's internals (`rtspAddress`;
 * hosts in `allowHosts`, the VIDEO_ALLOW_SOURCE_HOSTS setting, pass).
 */
export function cameraFromForm(
	form: Record<string, unknown>,
	cameraId: string,
	existing: number,
	allowHosts: readonly string[] = []
): CameraFormResult {
	if (existing >= MAX_CAMERAS_PER_MERCHANT) return { ok: false, problems: ['tooMany'] };
	const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
	const source =
		text('sourceKind') === 'rtsp'
			? { kind: 'rtsp' as const, url: text('rtspUrl') }
			: { kind: 'test_pattern' as const };
	const parsed = cameraRegistered.safeParse({
		cameraId,
		name: text('name'),
		area: text('area'),
		source,
		publicView: form.publicView === 'on',
		recording: form.recording === 'on',
		retentionDays: DEFAULT_RETENTION_DAYS
	});
	const problems = new Set<CameraFormProblem>();
	if (parsed.success) {
		const { source: s } = parsed.data;
		if (s.kind !== 'rtsp' || checkSourceHost(s.url, allowHosts).ok) {
			return { ok: true, payload: parsed.data };
		}
		return { ok: false, problems: ['rtspAddress'] };
	}
	for (const issue of parsed.error.issues) {
		const field = issue.path[0];
		if (field === 'name') problems.add('name');
		else if (field === 'area') problems.add('area');
		else if (field === 'source') problems.add('rtspUrl');
	}
	// Anything else is not the person's doing (a bad id): reported on the name, never silently.
	return { ok: false, problems: problems.size ? [...problems] : ['name'] };
}

/** One switch of a camera (public view or recording), from the list's small forms. */
export const cameraSwitch = z.object({
	cameraId: z.string().min(1).max(64),
	field: z.enum(['publicView', 'recording']),
	value: z.enum(['true', 'false']).transform((v) => v === 'true')
});
