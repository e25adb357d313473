import { instantOfLocal, localDay } from '../../src/lib/domain/time';
import type { RecordingDay } from '../../src/lib/domain/video/protocol';

/**
 * A finished recording segment on disk. Its name carries its real start and end (epoch ms,
 * wall clock as recorded), so the index, the sweeper and playback need nothing but a listing:
 * `<recDir>/<cameraId>/<YYYY-MM-DD>/<startMs>-<endMs>.mp4` (the local day of its start).
 * Segments still being written live apart in `<cameraId>/.part/` and are never listed here.
 */
export interface Segment {
	cameraId: string;
	startMs: number;
	endMs: number;
	/** Path relative to the recordings folder. */
	path: string;
}

const NAME = /^(\d{13})-(\d{13})\.mp4$/;

export function segmentFileName(startMs: number, endMs: number): string {
	return `${Math.round(startMs)}-${Math.round(endMs)}.mp4`;
}

/** The times a finished segment's file name holds; null for anything else (parts, strays). */
export function parseSegmentFileName(name: string): { startMs: number; endMs: number } | null {
	const m = NAME.exec(name);
	if (!m) return null;
	const startMs = Number(m[1]);
	const endMs = Number(m[2]);
	return endMs > startMs ? { startMs, endMs } : null;
}

/** Where a finished segment goes, relative to the recordings folder. */
export function segmentPath(
	cameraId: string,
	startMs: number,
	endMs: number,
	timeZone: string
): string {
	return `${cameraId}/${localDay(startMs, timeZone)}/${segmentFileName(startMs, endMs)}`;
}

/** [start, end) of a local day, epoch ms. */
export function dayBounds(day: string, timeZone: string): { startMs: number; endMs: number } {
	const startMs = instantOfLocal(`${day}T00:00`, timeZone);
	if (startMs === null) throw new RangeError(`not a day: ${day}`);
	const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	return { startMs, endMs: instantOfLocal(`${next}T00:00`, timeZone) ?? startMs + 86_400_000 };
}

/**
 * Two segments closer than this are one span: a segment's recorded end and the next one's start
 * differ by rounding and by a restart's few hundred milliseconds; a longer gap is a real hole.
 */
export const ADJACENT_MS = 1_500;

/**
 * A day's timeline: the segments (any order) clipped to the local day, adjacent ones merged.
 * A segment running over midnight shows on both days.
 */
export function recordingDayOf(
	cameraId: string,
	day: string,
	segments: readonly { startMs: number; endMs: number }[],
	timeZone: string
): RecordingDay {
	const bounds = dayBounds(day, timeZone);
	const clipped = segments
		.map((s) => ({
			startMs: Math.max(s.startMs, bounds.startMs),
			endMs: Math.min(s.endMs, bounds.endMs)
		}))
		.filter((s) => s.endMs > s.startMs)
		.sort((a, b) => a.startMs - b.startMs);
	const spans: { startMs: number; endMs: number }[] = [];
	for (const s of clipped) {
		const last = spans.at(-1);
		if (last && s.startMs - last.endMs <= ADJACENT_MS) last.endMs = Math.max(last.endMs, s.endMs);
		else spans.push({ ...s });
	}
	return { cameraId, day, spans };
}

/**
 * The segments to play from `fromMs` on, in order, and how far into the first one to seek.
 * A time in a hole starts at the next segment after it; null when nothing is recorded after.
 */
export function playFrom<S extends { startMs: number; endMs: number }>(
	segments: readonly S[],
	fromMs: number
): { segments: S[]; seekMs: number } | null {
	const sorted = [...segments].sort((a, b) => a.startMs - b.startMs);
	const first = sorted.findIndex((s) => s.endMs > fromMs);
	if (first < 0) return null;
	const chosen = sorted.slice(first);
	const head = chosen[0] as S;
	return { segments: chosen, seekMs: Math.max(0, fromMs - head.startMs) };
}

/** The segments that overlap [fromMs, toMs), in order (for evidence clips). */
export function segmentsBetween<S extends { startMs: number; endMs: number }>(
	segments: readonly S[],
	fromMs: number,
	toMs: number
): S[] {
	return segments
		.filter((s) => s.endMs > fromMs && s.startMs < toMs)
		.sort((a, b) => a.startMs - b.startMs);
}

/** The local days that [fromMs, toMs] touches, in order. */
export function daysBetween(fromMs: number, toMs: number, timeZone: string): string[] {
	const days: string[] = [];
	for (let t = fromMs; ; t += 86_400_000) {
		const d = localDay(Math.min(t, toMs), timeZone);
		if (days.at(-1) !== d) days.push(d);
		if (t >= toMs) break;
	}
	const last = localDay(toMs, timeZone);
	if (days.at(-1) !== last) days.push(last);
	return days;
}
