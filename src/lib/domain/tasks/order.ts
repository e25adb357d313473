/** Where the inspector is (the browser's geolocation), when they allowed it. */
export interface Position {
	lon: number;
	lat: number;
}

interface Orderable {
	id: string;
	grade?: 'A' | 'B' | 'C' | 'D';
	dueAt: string;
	lon?: number;
	lat?: number;
}

const EARTH_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in km (haversine): plenty for "which shop is nearer" within a city. */
export function distanceKm(a: Position, b: Position): number {
	const dLat = rad(b.lat - a.lat);
	const dLon = rad(b.lon - a.lon);
	const h =
		Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const gradeRank = { D: 0, C: 1, B: 2, A: 3 } as const;

/**
 * An inspector's day: riskiest first (grade D before C…), then the nearest when the phone says
 * where it is, else the soonest due. Ties by id, so the order is stable. Returns new objects
 * with the distance (km, null when unknown).
 */
export function orderForInspector<T extends Orderable>(
	tasks: readonly T[],
	here: Position | null
): (T & { distanceKm: number | null })[] {
	const withDistance = tasks.map((t) => ({
		...t,
		distanceKm:
			here && t.lon !== undefined && t.lat !== undefined
				? distanceKm(here, { lon: t.lon, lat: t.lat })
				: null
	}));
	return withDistance.sort((a, b) => {
		const g = gradeRank[a.grade ?? 'A'] - gradeRank[b.grade ?? 'A'];
		if (g !== 0) return g;
		if (a.distanceKm !== null && b.distanceKm !== null && a.distanceKm !== b.distanceKm) {
			return a.distanceKm - b.distanceKm;
		}
		if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
		return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
	});
}
