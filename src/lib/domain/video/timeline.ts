/** One day of a camera's recordings on a 24-hour bar: where the spans lie, which time a click means. */
export interface DayBar {
	startMs: number;
	endMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day `YYYY-MM-DD` in the city's time zone (UTC+8, no daylight saving). */
export function dayBar(day: string): DayBar {
	const startMs = Date.parse(`${day}T00:00:00+08:00`);
	return { startMs, endMs: startMs + DAY_MS };
}

/** A span as left/width fractions of the bar (clipped to the day). */
export function spanBox(
	bar: DayBar,
	span: { startMs: number; endMs: number }
): { left: number; width: number } | null {
	const s = Math.max(bar.startMs, span.startMs);
	const e = Math.min(bar.endMs, span.endMs);
	if (e <= s) return null;
	const total = bar.endMs - bar.startMs;
	return { left: (s - bar.startMs) / total, width: (e - s) / total };
}

/**
 * The time a click at `fraction` of the bar asks for, moved into the nearest recorded span (a
 * click in a gap plays from the next recording, or the end of the last one before it).
 */
export function timeAt(
	bar: DayBar,
	fraction: number,
	spans: readonly { startMs: number; endMs: number }[]
): number | null {
	if (spans.length === 0) return null;
	const t = bar.startMs + Math.min(1, Math.max(0, fraction)) * (bar.endMs - bar.startMs);
	let best: { at: number; gap: number } | null = null;
	for (const s of spans) {
		const at = Math.min(Math.max(t, s.startMs), Math.max(s.startMs, s.endMs - 1_000));
		const gap = Math.abs(at - t);
		if (!best || gap < best.gap) best = { at, gap };
	}
	return Math.round(best!.at);
}
