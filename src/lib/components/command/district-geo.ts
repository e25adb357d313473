import { z } from 'zod';
// Bundled at build time: the wall screen needs no tiles and no network for its geometry.
import raw from '../../../../seeds/geo/jinan-districts.geojson?raw';

type Position = [number, number];

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const feature = z.object({
	type: z.literal('Feature'),
	properties: z.object({
		adcode: z.string(),
		name: z.string(),
		name_en: z.string(),
		center: z.tuple([z.number(), z.number()])
	}),
	geometry: z.object({
		type: z.literal('MultiPolygon'),
		coordinates: z.array(z.array(z.array(position)))
	})
});
const collection = z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) });

export type DistrictFeature = z.infer<typeof feature>;
export type DistrictCollection = z.infer<typeof collection>;

export const districtGeo: DistrictCollection = collection.parse(JSON.parse(raw));

/** [[west, south], [east, north]] of some features. */
export function boundsOf(features: DistrictFeature[]): [Position, Position] {
	let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const f of features) {
		for (const polygon of f.geometry.coordinates) {
			for (const ring of polygon) {
				for (const [lon, lat] of ring) {
					w = Math.min(w, lon);
					e = Math.max(e, lon);
					s = Math.min(s, lat);
					n = Math.max(n, lat);
				}
			}
		}
	}
	return [
		[w, s],
		[e, n]
	];
}
