import type { Deck, MapView, WebMercatorViewport } from '@deck.gl/core';
import type { DistrictStat } from '$lib/domain/command/overview';
import type { MapIndicator } from '$lib/domain/command/screen-config';
import type { GradeChange } from '$lib/domain/live';
import { boundsOf, districtGeo } from '../district-geo';
import { baseLayers, type BaseLayerState, type Flash, type LayerModules } from '../map-layers';
import { FlashCanvas } from './flash-canvas';
import { hexGrid, HexBins } from './hex-bins';
import { PickIndex } from './pick-index';
import { PendingGrades, type PointStore } from './point-store';

/**
 * The still layers (100,000 points) are drawn at most this often: on software GL one such frame
 * costs tens of milliseconds, so recolourings are batched into frames this far apart, while the
 * flashes animate every frame on their own (2D) canvas.
 */
export const RECOLOUR_MS = 250;
/** The hexagons follow alerts less eagerly: they show where trouble gathers, not each alert. */
const HEX_MS = 1_000;
/** Hexagon radius in screen pixels at the fitted zoom. */
const HEX_PX = 14;

export interface MapStats {
	baseRedraws: number;
	flashRedraws: number;
	recoloured: number;
}

/**
 * The map's drawing: a deck.gl canvas for the still layers and a 2D canvas above it for the
 * alert flashes, the merchants' typed arrays, batched recolouring and CPU picking. The
 * component owns the DOM around it; this owns the canvases.
 */
export class MapEngine {
	readonly #stats = { baseRedraws: 0, recoloured: 0 };
	#modules: LayerModules | null = null;
	#base: Deck<MapView> | null = null;
	#flash: FlashCanvas | null = null;
	#viewport: WebMercatorViewport | null = null;
	#state: BaseLayerState;
	#store: PointStore | null = null;
	#bins: HexBins | null = null;
	#pick: PickIndex | null = null;
	#pending = new PendingGrades();
	/** Every change since the running load began: its rows may predate them. */
	#sinceLoad: PendingGrades | null = null;
	#hexDirty = false;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#frame: number | null = null;
	#lastBaseAt = 0;
	#lastHexAt = 0;
	#destroyed = false;
	#fit: ((focus: string | null) => WebMercatorViewport) | null = null;

	constructor(
		private readonly hosts: { base: HTMLDivElement; flash: HTMLDivElement },
		private readonly size: { width: number; height: number },
		focus: string | null,
		private readonly onRecolour: () => void,
		private readonly onError: () => void
	) {
		this.#state = { focus, indicator: 'alertsPer100', districtStats: [], store: null, hexes: null };
	}

	/** Loads deck.gl and fits the view; the screen positions of the district centres. */
	async init(): Promise<{ id: string; x: number; y: number }[]> {
		const [core, layers] = await Promise.all([import('@deck.gl/core'), import('@deck.gl/layers')]);
		if (this.#destroyed) return [];
		const { width, height } = this.size;
		this.#fit = (focus) => {
			const inFocus = districtGeo.features.filter((f) => f.properties.adcode === focus);
			return new core.WebMercatorViewport({ width, height }).fitBounds(
				boundsOf(inFocus.length > 0 ? inFocus : districtGeo.features),
				{ padding: 40 }
			);
		};
		const viewport = this.#fit(this.#state.focus);
		this.#viewport = viewport;
		this.#base = new core.Deck({
			parent: this.hosts.base,
			width,
			height,
			views: new core.MapView({ repeat: false }),
			initialViewState: {
				longitude: viewport.longitude,
				latitude: viewport.latitude,
				zoom: viewport.zoom,
				pitch: 0,
				bearing: 0
			},
			controller: false,
			// One canvas pixel per layout pixel: the wall's CSS scale does the rest, and a high-DPI
			// display does not multiply the fragments software GL must shade.
			useDevicePixels: 1,
			onAfterRender: () => this.#stats.baseRedraws++,
			onError: () => this.onError()
		});
		this.#flash = new FlashCanvas(this.hosts.flash, width, height, (p) => {
			const [x = NaN, y = NaN] = this.#viewport?.project(p) ?? [];
			return [x, y];
		});
		this.#modules = {
			GeoJsonLayer: layers.GeoJsonLayer,
			ScatterplotLayer: layers.ScatterplotLayer,
			ColumnLayer: layers.ColumnLayer
		};
		this.#prepare();
		this.#drawBase();
		return this.#anchors();
	}

	/**
	 * Fits the view to another district (the wall's rotation) on the same deck and WebGL
	 * context: a wall that rotates for weeks must not create a context per view. The district
	 * centres' new screen positions are returned for the labels.
	 */
	setFocus(focus: string | null): { id: string; x: number; y: number }[] {
		if (!this.#fit || !this.#base || focus === this.#state.focus) return this.#anchors();
		const viewport = this.#fit(focus);
		this.#viewport = viewport;
		this.#state = { ...this.#state, focus };
		this.#base.setProps({
			initialViewState: {
				longitude: viewport.longitude,
				latitude: viewport.latitude,
				zoom: viewport.zoom,
				pitch: 0,
				bearing: 0
			}
		});
		this.#prepare();
		this.#drawBase();
		return this.#anchors();
	}

	#anchors(): { id: string; x: number; y: number }[] {
		const vp = this.#viewport;
		if (!vp) return [];
		return districtGeo.features.map((f) => {
			const [x = 0, y = 0] = vp.project(f.properties.center);
			return { id: f.properties.adcode, x, y };
		});
	}

	get store(): PointStore | null {
		return this.#store;
	}

	/** New points (a load): changes that came while loading are applied on top. */
	setStore(store: PointStore): void {
		this.#store = store;
		this.#sinceLoad?.flushInto(store);
		this.#sinceLoad = null;
		this.#pending.flushInto(store);
		this.#prepare();
		this.#drawBase();
	}

	/** Hexagon bins need the fitted view (their size is in screen pixels) and the points. */
	#prepare(): void {
		const store = this.#store;
		const vp = this.#viewport;
		this.#pick = null;
		if (!store || !vp) return;
		const grid = hexGrid([vp.longitude, vp.latitude], metersPerPixel(vp) * HEX_PX);
		this.#bins = new HexBins(grid, store.positions, store.alerts);
		this.#hexDirty = true;
	}

	setDistricts(indicator: MapIndicator, districtStats: DistrictStat[]): void {
		this.#state = { ...this.#state, indicator, districtStats };
		this.#drawBase();
	}

	/** Grade changes from the live room; drawn with the next batch. */
	/** A load of the points begins: keep the changes from now on for the store it brings. */
	loadStarted(): void {
		this.#sinceLoad = new PendingGrades();
	}

	gradeChanges(changes: readonly GradeChange[]): void {
		if (changes.length === 0) return;
		this.#sinceLoad?.add(changes);
		this.#pending.add(changes);
		this.#schedule();
	}

	/** Open-alert count changes per merchant, for the hexagons. */
	alertCounts(changes: readonly [string, number][]): void {
		const store = this.#store;
		if (!store || !this.#bins) return;
		for (const [merchantId, delta] of changes) {
			const i = store.addAlerts(merchantId, delta);
			if (i >= 0) {
				this.#bins.add(i, delta);
				this.#hexDirty = true;
			}
		}
		if (this.#hexDirty) this.#schedule();
	}

	setFlashes(flashes: Flash[]): void {
		this.#flash?.set(flashes);
	}

	get stats(): MapStats {
		return { ...this.#stats, flashRedraws: this.#flash?.redraws ?? 0 };
	}

	/** The point under map pixel (x, y), or -1. The index is built on first use. */
	pick(x: number, y: number, radius: number): number {
		const store = this.#store;
		const vp = this.#viewport;
		if (!store || !vp) return -1;
		if (!this.#pick) {
			const xy = new Float32Array(store.length * 2);
			for (let i = 0; i < store.length; i++) {
				const [px = NaN, py = NaN] = vp.project(store.position(i));
				xy[i * 2] = px;
				xy[i * 2 + 1] = py;
			}
			this.#pick = new PickIndex(xy, this.size.width, this.size.height);
		}
		return this.#pick.nearest(x, y, radius);
	}

	destroy(): void {
		this.#destroyed = true;
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#frame !== null) cancelAnimationFrame(this.#frame);
		this.#base?.finalize();
		this.#flash?.destroy();
		this.#base = this.#flash = null;
	}

	/** One batch per frame, and base frames at least RECOLOUR_MS apart. */
	#schedule(): void {
		if (this.#timer || this.#frame !== null || this.#destroyed) return;
		const wait = Math.max(0, this.#lastBaseAt + RECOLOUR_MS - performance.now());
		this.#timer = setTimeout(() => {
			this.#timer = null;
			this.#frame = requestAnimationFrame(() => {
				this.#frame = null;
				this.#flush();
			});
		}, wait);
	}

	#flush(): void {
		const store = this.#store;
		let changed = 0;
		if (store && this.#pending.size > 0) changed = this.#pending.flushInto(store);
		this.#stats.recoloured += changed;
		const now = performance.now();
		const hexDue = this.#hexDirty && now - this.#lastHexAt >= HEX_MS;
		if (changed > 0 || hexDue) this.#drawBase();
		if (changed > 0) this.onRecolour();
		// Hexagons not due yet: come back for them.
		if (this.#hexDirty) this.#schedule();
	}

	#drawBase(): void {
		if (!this.#base || !this.#modules) return;
		const now = performance.now();
		this.#lastBaseAt = now;
		if (this.#hexDirty && this.#bins) {
			this.#hexDirty = false;
			this.#lastHexAt = now;
			this.#state.hexes = {
				cells: this.#bins.cells(),
				radiusM: this.#bins.grid.radiusM,
				max: this.#bins.max
			};
		}
		this.#state.store = this.#store;
		this.#base.setProps({ layers: baseLayers(this.#modules, this.#state) });
	}
}

/** Metres per screen pixel at the viewport's centre. */
function metersPerPixel(vp: WebMercatorViewport): number {
	const [lon0 = 0, lat0 = 0] = vp.unproject([vp.width / 2, vp.height / 2]);
	const [lon1 = 0] = vp.unproject([vp.width / 2 + 100, vp.height / 2]);
	return (Math.abs(lon1 - lon0) * 111_320 * Math.cos((lat0 * Math.PI) / 180)) / 100;
}
