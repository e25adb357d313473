import type { Layer } from '@deck.gl/core';
import type { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { AlertSeverity } from '$lib/domain/alert';
import type { BusinessType } from '$lib/domain/events/merchant';
import type { MerchantPoints } from '$lib/domain/read-model';
import { districtGeo, type DistrictFeature } from './district-geo';
import { severityColor } from './severity';

type Rgb = [number, number, number];
export type PointRow = MerchantPoints['rows'][number];

/** Away from the severity reds and ambers, so an alert flash never looks like a shop type. */
export const businessTypeColor: Record<BusinessType, Rgb> = {
	restaurant: [34, 211, 238],
	school_canteen: [163, 230, 53],
	elderly_care_canteen: [192, 132, 252],
	company_canteen: [96, 165, 250],
	supermarket: [52, 211, 153],
	small_shop: [244, 114, 182],
	market_stall: [148, 163, 184]
};
const OTHER: Rgb = [203, 213, 225];

export interface Flash {
	id: string;
	position: [number, number];
	severity: AlertSeverity;
	/** Epoch ms when it arrived. */
	at: number;
}

export const FLASH_MS = 6_000;
const PULSE_MS = 1_200;

export interface LayerModules {
	GeoJsonLayer: typeof GeoJsonLayer;
	ScatterplotLayer: typeof ScatterplotLayer;
}

/** The map's layers, bottom up: districts, merchants, alert flashes. */
export function mapLayers(
	m: LayerModules,
	{
		focus,
		points,
		flashes,
		now
	}: { focus: string | null; points: PointRow[]; flashes: Flash[]; now: number }
): Layer[] {
	const focused = (f: DistrictFeature) => !focus || f.properties.adcode === focus;
	const layers: Layer[] = [
		new m.GeoJsonLayer<DistrictFeature['properties']>({
			id: 'districts',
			data: districtGeo as never,
			stroked: true,
			filled: true,
			getFillColor: (f) => (focused(f as DistrictFeature) ? [14, 64, 110, 150] : [10, 30, 52, 90]),
			getLineColor: (f) =>
				focused(f as DistrictFeature) ? [125, 211, 252, 255] : [56, 120, 170, 160],
			lineWidthUnits: 'pixels',
			getLineWidth: (f) => (focused(f as DistrictFeature) ? 2.5 : 1.5),
			updateTriggers: { getFillColor: focus, getLineColor: focus, getLineWidth: focus }
		}),
		new m.ScatterplotLayer<PointRow>({
			id: 'merchants',
			data: points,
			getPosition: (r) => [r[1], r[2]],
			getFillColor: (r) => [...(businessTypeColor[r[4] as BusinessType] ?? OTHER), 190],
			radiusUnits: 'pixels',
			getRadius: 2.6,
			stroked: false
		})
	];
	if (flashes.length > 0) {
		const age = (f: Flash) => Math.max(0, now - f.at);
		const phase = (f: Flash) => (age(f) % PULSE_MS) / PULSE_MS;
		const fade = (f: Flash) => Math.max(0, 1 - age(f) / FLASH_MS);
		layers.push(
			new m.ScatterplotLayer<Flash>({
				id: 'alert-rings',
				data: flashes,
				getPosition: (f) => f.position,
				radiusUnits: 'pixels',
				getRadius: (f) => 10 + phase(f) * 46,
				filled: false,
				stroked: true,
				lineWidthUnits: 'pixels',
				getLineWidth: 4,
				getLineColor: (f) => [...severityColor[f.severity], 255 * (1 - phase(f)) * fade(f)],
				updateTriggers: { getRadius: now, getLineColor: now }
			}),
			new m.ScatterplotLayer<Flash>({
				id: 'alert-cores',
				data: flashes,
				getPosition: (f) => f.position,
				radiusUnits: 'pixels',
				getRadius: 9,
				stroked: true,
				lineWidthUnits: 'pixels',
				getLineWidth: 2,
				getLineColor: [255, 255, 255, 230],
				getFillColor: (f) => [...severityColor[f.severity], 255 * Math.max(0.35, fade(f))],
				updateTriggers: { getFillColor: now }
			})
		);
	}
	return layers;
}
