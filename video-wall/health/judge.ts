import type { CameraSource, offlineReasons } from '../../src/lib/domain/events/camera';
import { cleanDetail } from '../sources/ffmpeg-args';
import type { SourceStatus } from '../sources/live-source';

export type OfflineReason = (typeof offlineReasons)[number];
export type Verdict =
	{ state: 'online' } | { state: 'offline'; reason: OfflineReason; since: number; detail?: string };

export interface HealthLimits {
	offlineAfterMs: number;
	failuresBeforeOffline: number;
}

/** ffmpeg's words for a camera it could not reach (as opposed to one it could not encode). */
const UNREACHABLE =
	/refused|timed out|timeout|no route|unreachable|not known|name resolution|404|401|403|unauthori[sz]ed|end of file|connection reset|broken pipe|input\/output error|invalid data found/i;

function failureReason(source: CameraSource, lastError: string | undefined): OfflineReason {
	if (source.kind === 'test_pattern') return 'encoder_failing';
	return UNREACHABLE.test(lastError ?? '') ? 'unreachable' : 'encoder_failing';
}

/**
 * What a running source says about its camera: online while bytes flow; offline when none came
 * for `offlineAfterMs` or runs keep failing; undefined while it is too early to tell (just
 * started, a single restart). Pure: the monitor feeds it the source's status and the time.
 */
export function judgeRunning(
	source: CameraSource,
	s: SourceStatus,
	now: number,
	limits: HealthLimits
): Verdict | undefined {
	const quietSince = s.lastByteAt ?? s.startedAt;
	// Its address may not be connected to: no ffmpeg ran, nothing to wait for.
	if (s.refused) {
		return { state: 'offline', reason: 'refused_address', since: quietSince, detail: s.lastError };
	}
	const quiet = now - quietSince >= limits.offlineAfterMs;
	if (s.lastByteAt !== undefined && !quiet && s.producing) return { state: 'online' };
	const failing = s.failures >= limits.failuresBeforeOffline;
	if (!quiet && !failing) return undefined;
	const detail = s.lastError ? cleanDetail(s.lastError) : undefined;
	if (s.failures > 0) {
		return {
			state: 'offline',
			reason: failureReason(source, s.lastError),
			since: quietSince,
			detail
		};
	}
	return { state: 'offline', reason: 'no_data', since: quietSince, detail };
}

/**
 * What a one-shot grab of an idle camera says: it answered with a picture, or it did not (or
 * its address was refused before any ffmpeg ran).
 */
export function judgeProbe(
	source: CameraSource,
	probe: { ok: boolean; lastLine: string; at: number; refused?: boolean }
): Verdict {
	if (probe.ok) return { state: 'online' };
	if (probe.refused) {
		return { state: 'offline', reason: 'refused_address', since: probe.at, detail: probe.lastLine };
	}
	return {
		state: 'offline',
		reason: source.kind === 'rtsp' ? 'unreachable' : 'encoder_failing',
		since: probe.at,
		detail: cleanDetail(probe.lastLine)
	};
}
