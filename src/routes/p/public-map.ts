import { districtGeo } from '$lib/components/command/district-geo';
import { mapView, type GeoArea } from '$lib/domain/geo/svg-map';
import { shopMap, type ShopMap } from '$lib/domain/public/shop-map';
import type { PublicMapPage } from '$lib/domain/public/public-shop';

/** The districts as areas to draw: the geometry the command screen bundles (no network). */
const areas: GeoArea[] = districtGeo.features.map((f) => ({
	id: f.properties.adcode,
	center: f.properties.center,
	// Outer rings only: the city's districts have no holes worth a phone's bytes.
	rings: f.geometry.coordinates.flatMap((polygon) => polygon.slice(0, 1))
}));

export interface SearchMap extends ShopMap {
	width: number;
	height: number;
	areas: { id: string; d: string; label: [number, number] | null }[];
	focus: string | null;
}

/**
 * The search page's map, drawn on the server: the city (or the searched district, zoomed to its
 * bounds) and the answer's shops as dots. Plain data: the page renders it as SVG.
 */
export function searchMap(focus: string | null, page: PublicMapPage): SearchMap {
	const view = mapView(areas, { focus, pad: focus ? 0.08 : 0.03 });
	return {
		width: view.width,
		height: view.height,
		areas: view.areas,
		focus: view.areas.some((a) => a.id === focus) ? focus : null,
		...shopMap(view, page)
	};
}
