/** [minute start epoch ms, events by family] — the wall's "events per minute" series. */
export type FamilyMinute = [number, Record<string, number>];

const MINUTE = 60_000;
const KEEP = 60;

/**
 * What the live room's absolute day counts grew by since the last delta, added to the current
 * minute: the chart moves with every delta, and the store's series replaces it on the next
 * overview (see `withStored`). A day turn (counts reset) adds nothing.
 */
export function addGrowth(
	series: readonly FamilyMinute[],
	before: Record<string, number> | null,
	after: Record<string, number>,
	now: number
): FamilyMinute[] {
	if (!before) return series as FamilyMinute[];
	const minute = now - (now % MINUTE);
	const last = series[series.length - 1];
	const counts: Record<string, number> = last && last[0] === minute ? { ...last[1] } : {};
	let grew = false;
	for (const [family, n] of Object.entries(after)) {
		const d = n - (before[family] ?? 0);
		if (d > 0) {
			counts[family] = (counts[family] ?? 0) + d;
			grew = true;
		}
	}
	// The same array when nothing grew: the chart is not redrawn for it.
	if (!grew) return series as FamilyMinute[];
	const rest = last && last[0] === minute ? series.slice(0, -1) : series;
	return [...rest, [minute, counts] as FamilyMinute].slice(-KEEP);
}

/**
 * The store's series, except that a minute the live counts already show higher (the store is
 * a moment behind) keeps the live figures.
 */
export function withStored(
	live: readonly FamilyMinute[],
	stored: readonly FamilyMinute[]
): FamilyMinute[] {
	const liveBy = new Map(live);
	const merged = new Map<number, Record<string, number>>(stored.map(([m, c]) => [m, { ...c }]));
	for (const [m, c] of liveBy) {
		const s = merged.get(m);
		const liveSum = Object.values(c).reduce((a, b) => a + b, 0);
		const storedSum = s ? Object.values(s).reduce((a, b) => a + b, 0) : -1;
		if (liveSum > storedSum && (!s || m >= Math.max(...stored.map(([x]) => x)))) merged.set(m, c);
	}
	return [...merged.entries()].sort((a, b) => a[0] - b[0]).slice(-KEEP) as FamilyMinute[];
}

/** The last 60 minutes ending with `now`'s, gaps as empty counts. */
export function lastHourOf(series: readonly FamilyMinute[], now: number): FamilyMinute[] {
	const current = now - (now % MINUTE);
	const by = new Map(series);
	return Array.from({ length: KEEP }, (_, i) => {
		const m = current - (KEEP - 1 - i) * MINUTE;
		return [m, by.get(m) ?? {}] as FamilyMinute;
	});
}
