import type { ScreenView } from './screen-config';

/** One step of the rotation: the scope (one district or the whole view) or the top-risk list. */
export type WallView =
	{ kind: 'scope'; district: string | null } | { kind: 'top_risk'; district: string | null };

/**
 * The configured views as concrete steps, in order: `district` is each of the screen's
 * districts in turn (its only one when it has one), `city` the whole city (skipped for a screen
 * that does not hold it), `top_risk` the risk list of the screen's whole scope. Never empty.
 */
export function expandViews(
	views: readonly ScreenView[],
	districts: readonly string[],
	holdsCity: boolean
): WallView[] {
	const whole = holdsCity ? null : districts.length === 1 ? (districts[0] ?? null) : null;
	const steps: WallView[] = [];
	for (const v of views) {
		if (v === 'district') {
			for (const d of districts) steps.push({ kind: 'scope', district: d });
		} else if (v === 'city') {
			if (holdsCity) steps.push({ kind: 'scope', district: null });
		} else {
			steps.push({ kind: 'top_risk', district: whole });
		}
	}
	return steps.length > 0 ? steps : [{ kind: 'scope', district: whole }];
}

export function viewKey(v: WallView): string {
	return `${v.kind}:${v.district ?? 'all'}`;
}

/** A touch pauses the rotation this long, so whoever touched can read what they touched. */
export const TOUCH_PAUSE_MS = 120_000;

/**
 * Which step shows at `now`, and when the next change is due. The rotation runs on the wall
 * clock from `since` (the last touch or the last config change), so it needs no timer state.
 */
export function rotationAt(
	steps: readonly WallView[],
	seconds: number,
	since: number,
	now: number,
	pausedUntil: number
): { index: number; paused: boolean } {
	if (steps.length <= 1) return { index: 0, paused: false };
	if (now < pausedUntil) return { index: -1, paused: true };
	const elapsed = Math.max(0, now - Math.max(since, pausedUntil));
	return { index: Math.floor(elapsed / (seconds * 1000)) % steps.length, paused: false };
}
