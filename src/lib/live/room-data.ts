import type { Alert } from '$lib/domain/alert';
import type { FeedItem } from '$lib/domain/live';

/** [minute start in epoch ms, events in that minute] */
export type MinuteBucket = [number, number];

const MINUTE = 60_000;
export const MAX_ALERTS = 50;
export const MAX_FEED = 30;
const MAX_MINUTES = 120;

/** Changed alerts replace their old version; the list stays newest first. */
export function mergeAlerts(current: Alert[], incoming: Alert[], max = MAX_ALERTS): Alert[] {
	if (incoming.length === 0) return current;
	const byId = new Map(current.map((a) => [a.id, a]));
	for (const a of incoming) byId.set(a.id, a);
	return [...byId.values()].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt)).slice(0, max);
}

/** The incoming alerts not in the list yet (as opposed to changes of known ones). */
export function newAlerts(current: Alert[], incoming: Alert[]): Alert[] {
	const known = new Set(current.map((a) => a.id));
	return incoming.filter((a) => !known.has(a.id));
}

/** A tick's sampled events on top of the feed, newest first. */
export function mergeFeed(current: FeedItem[], incoming: FeedItem[], max = MAX_FEED): FeedItem[] {
	if (incoming.length === 0) return current;
	const fresh = [...incoming].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
	return [...fresh, ...current].slice(0, max);
}

/** The current minute's count is absolute: it replaces the bucket of the same minute. */
export function mergeMinute(buckets: MinuteBucket[], minute: MinuteBucket | null): MinuteBucket[] {
	if (!minute) return buckets;
	const rest = buckets.filter(([start]) => start !== minute[0]);
	rest.push([minute[0], minute[1]]);
	rest.sort((a, b) => a[0] - b[0]);
	return rest.slice(-MAX_MINUTES);
}

/** Events per minute for the 60 minutes ending with the current one, oldest first, gaps as 0. */
export function lastHour(buckets: MinuteBucket[], now: number): number[] {
	const current = now - (now % MINUTE);
	const counts = new Map(buckets);
	return Array.from({ length: 60 }, (_, i) => counts.get(current - (59 - i) * MINUTE) ?? 0);
}

/**
 * Events in the last 60 seconds: the current minute so far plus the share of the previous
 * minute still inside the window. Steadier than the current minute alone, which restarts at 0.
 */
export function eventRate(buckets: MinuteBucket[], now: number): number {
	const current = now - (now % MINUTE);
	const counts = new Map(buckets);
	const elapsed = (now - current) / MINUTE;
	const rate = (counts.get(current) ?? 0) + (counts.get(current - MINUTE) ?? 0) * (1 - elapsed);
	return Math.round(rate);
}
