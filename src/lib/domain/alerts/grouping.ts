/** Alerts of one source in one district within this window form one group (a flood). */
export const GROUP_WINDOW_MS = 10 * 60_000;

/**
 * The group of an alert: same source, same district, same fixed window of its raise time. A
 * morning check missing at 10:00 across a district, or one camera's burst of detections, is one
 * group the bureau can act on in bulk.
 */
export function alertGroupId(
	a: { source: string; districtId: string; raisedAt: string },
	windowMs = GROUP_WINDOW_MS
): string {
	const start = Math.floor(Date.parse(a.raisedAt) / windowMs) * windowMs;
	return `${a.source}|${a.districtId}|${new Date(start).toISOString()}`;
}
