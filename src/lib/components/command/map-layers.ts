import type { Layer } from '@deck.gl/core';
import type { ColumnLayer, GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { AlertSeverity } from '$lib/domain/alert';
import type { DistrictStat } from '$lib/domain/command/overview';
import type { MapIndicator } from '$lib/domain/command/screen-config';
import { districtGeo, type DistrictFeature } from './district-geo';
import type { HexCell } from './map/hex-bins';
import { indicatorColor, indicatorValue } from './map/indicator-scale';
import type { PointStore } from './map/point-store';

export interface Flash {
	id: string;
	position: [number, number];
	severity: AlertSeverity;
	/** Epoch ms when it arrived. */
	at: number;
}

export const FLASH_MS = 6_000;

export interface LayerModules {
	GeoJsonLayer: typeof GeoJsonLayer;
	ScatterplotLayer: typeof ScatterplotLayer;
	ColumnLayer: typeof ColumnLayer;
}

export interface BaseLayerState {
	focus: string | null;
	indicator: MapIndicator;
	districtStats: DistrictStat[];
	store: PointStore | null;
	hexes: { cells: HexCell[]; radiusM: number; max: number } | null;
}

/**
 * Binary data for the merchants layer. The object stays the same while the points do; a
 * recolouring puts a new wrapper around the same bytes (deck.gl uploads an attribute again when
 * its wrapper changes) and bumps the update trigger.
 */
interface MerchantData {
	length: number;
	attributes: Record<string, { value: ArrayBufferView; size: number; normalized?: boolean }>;
	version: number;
}
const binaryData = new WeakMap<PointStore, MerchantData>();
function merchantData(store: PointStore): MerchantData {
	let data = binaryData.get(store);
	if (!data) {
		data = {
			length: store.length,
			attributes: { getPosition: { value: store.positions, size: 2 } },
			version: -1
		};
		binaryData.set(store, data);
	}
	if (data.version !== store.version) {
		data.attributes.getFillColor = { value: store.colors, size: 4, normalized: true };
		data.attributes.getRadius = { value: store.radii, size: 1 };
		data.version = store.version;
	}
	return data;
}

/** Yellow to red by the bin's share of the busiest bin, on a square-root scale. */
function hexColor(weight: number, max: number): [number, number, number, number] {
	const t = Math.sqrt(weight / Math.max(1, max));
	// Faint where alerts are few: the veil marks the hot spots, not the whole city.
	return [250 - 30 * t, 204 - 166 * t, 21 + 17 * t, 12 + 128 * t * t];
}

/**
 * The map's still layers, bottom up: districts by indicator, merchants, and the open-alert
 * hexagons as a translucent veil over them (under the shops they would vanish in the carpet).
 */
export function baseLayers(m: LayerModules, s: BaseLayerState): Layer[] {
	const focused = (f: DistrictFeature) => !s.focus || f.properties.adcode === s.focus;
	const stats = new Map(s.districtStats.map((d) => [d.id, d]));
	const fill = (f: DistrictFeature) => {
		const stat = stats.get(f.properties.adcode);
		const color = indicatorColor(stat ? indicatorValue(stat, s.indicator) : null, s.indicator);
		// Districts outside the focus fade back: the wall is about this one.
		return focused(f) ? color : ([color[0], color[1], color[2], color[3] * 0.45] as typeof color);
	};
	const layers: Layer[] = [
		new m.GeoJsonLayer<DistrictFeature['properties']>({
			id: 'districts',
			data: districtGeo as never,
			stroked: true,
			filled: true,
			getFillColor: (f) => fill(f as DistrictFeature),
			getLineColor: (f) =>
				focused(f as DistrictFeature) ? [125, 211, 252, 255] : [56, 120, 170, 160],
			lineWidthUnits: 'pixels',
			getLineWidth: (f) => (focused(f as DistrictFeature) ? 2.5 : 1.5),
			updateTriggers: {
				getFillColor: [s.focus, s.indicator, s.districtStats],
				getLineColor: s.focus,
				getLineWidth: s.focus
			}
		})
	];
	if (s.store && s.store.length > 0) {
		layers.push(
			new m.ScatterplotLayer({
				id: 'merchants',
				data: merchantData(s.store) as never,
				radiusUnits: 'pixels',
				stroked: false,
				updateTriggers: { getFillColor: s.store.version, getRadius: s.store.version }
			})
		);
	}
	if (s.hexes && s.hexes.cells.length > 0) {
		const { max } = s.hexes;
		layers.push(
			new m.ColumnLayer<HexCell>({
				id: 'alert-hexagons',
				data: s.hexes.cells,
				diskResolution: 6,
				radius: s.hexes.radiusM,
				coverage: 0.94,
				extruded: false,
				getPosition: (c) => c.position,
				getFillColor: (c) => hexColor(c.weight, max)
			})
		);
	}
	return layers;
}
