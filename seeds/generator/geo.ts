import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Rng } from './rng';

/** [lon, lat] */
export type Point = readonly [number, number];
/** A polygon: outer ring first, then holes (GeoJSON order). */
type Polygon = Point[][];

export interface DistrictArea {
	id: string;
	name: string;
	nameEn: string;
	center: Point;
	polygons: Polygon[];
	bbox: readonly [number, number, number, number];
	/** Share of the city's merchants placed here. */
	weight: number;
}

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const districtsFile = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(
		z.object({
			properties: z.object({
				adcode: z.string().regex(/^\d{6}$/),
				name: z.string(),
				name_en: z.string(),
				center: position
			}),
			geometry: z.object({
				type: z.literal('MultiPolygon'),
				coordinates: z.array(z.array(z.array(position).min(4)).min(1)).min(1)
			})
		})
	)
});

/**
 * Most food businesses sit in the five urban districts; the counties get a thinner share.
 * Roughly follows Jinan's population split (2014 divisions).
 */
const districtWeights: Record<string, number> = {
	'370102': 0.17,
	'370103': 0.15,
	'370104': 0.12,
	'370105': 0.13,
	'370112': 0.17,
	'370113': 0.06,
	'370124': 0.04,
	'370125': 0.05,
	'370126': 0.04,
	'370181': 0.07
};

let cached: DistrictArea[] | undefined;

/** The district polygons shipped in seeds/geo, parsed once. */
export function loadDistrictAreas(): DistrictArea[] {
	if (cached) return cached;
	const url = new URL('../geo/jinan-districts.geojson', import.meta.url);
	const file = districtsFile.parse(JSON.parse(readFileSync(url, 'utf8')));
	cached = file.features.map((f) => {
		const polygons = f.geometry.coordinates.map((poly) =>
			poly.map((ring) => ring.map((p): Point => [p[0], p[1]]))
		);
		let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
		for (const poly of polygons) {
			for (const [lon, lat] of poly[0] ?? []) {
				minLon = Math.min(minLon, lon);
				maxLon = Math.max(maxLon, lon);
				minLat = Math.min(minLat, lat);
				maxLat = Math.max(maxLat, lat);
			}
		}
		return {
			id: f.properties.adcode,
			name: f.properties.name,
			nameEn: f.properties.name_en,
			center: [f.properties.center[0], f.properties.center[1]] as const,
			polygons,
			bbox: [minLon, minLat, maxLon, maxLat] as const,
			weight: districtWeights[f.properties.adcode] ?? 0.02
		};
	});
	return cached;
}

/** Even-odd ray casting over one ring. */
function inRing(ring: readonly Point[], lon: number, lat: number): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i] as Point;
		const [xj, yj] = ring[j] as Point;
		if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** True when the point lies inside the area (inside an outer ring and outside its holes). */
export function containsPoint(area: DistrictArea, lon: number, lat: number): boolean {
	const [minLon, minLat, maxLon, maxLat] = area.bbox;
	if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) return false;
	return area.polygons.some(
		([outer, ...holes]) =>
			!!outer && inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat))
	);
}

/**
 * A point inside the area by rejection sampling. Most points cluster around the district
 * centre (shops crowd where people live), the rest spread over the whole district.
 */
export function samplePoint(area: DistrictArea, rng: Rng): Point {
	const [minLon, minLat, maxLon, maxLat] = area.bbox;
	const spreadLon = (maxLon - minLon) / 7;
	const spreadLat = (maxLat - minLat) / 7;
	for (let attempt = 0; attempt < 1000; attempt++) {
		const clustered = rng.chance(0.7);
		const lon = clustered
			? area.center[0] + rng.normal() * spreadLon
			: minLon + rng.next() * (maxLon - minLon);
		const lat = clustered
			? area.center[1] + rng.normal() * spreadLat
			: minLat + rng.next() * (maxLat - minLat);
		// Test the rounded point: that is the one that gets published.
		const point: Point = [round6(lon), round6(lat)];
		if (containsPoint(area, point[0], point[1])) return point;
	}
	// The centre is a representative point, so it is inside even when sampling is unlucky.
	return area.center;
}

function round6(x: number): number {
	return Math.round(x * 1e6) / 1e6;
}
