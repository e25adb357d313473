import { z } from 'zod';
import { districtId, entityId } from '../ids';

/**
 * What a wall screen shows and how it behaves: set by admins (/admin/screens), stored, and
 * picked up by the running screen without a reload (it asks /api/command/screen again every
 * few seconds and applies a newer version).
 */
export const panelIds = [
	'map',
	'kpis',
	'ticker',
	'trends',
	'topRisk',
	'grades',
	'tasks',
	'video'
] as const;
export const panelId = z.enum(panelIds);
export type PanelId = z.infer<typeof panelId>;

/** The views a screen rotates through: its own districts, the whole city, the top-risk list. */
export const screenViews = ['district', 'city', 'top_risk'] as const;
export const screenView = z.enum(screenViews);
export type ScreenView = z.infer<typeof screenView>;

/** What the map's district polygons are coloured by. */
export const mapIndicators = ['alertsPer100', 'ledgerCompleteness', 'gradeMix'] as const;
export const mapIndicator = z.enum(mapIndicators);
export type MapIndicator = z.infer<typeof mapIndicator>;

export const screenSettings = z.object({
	name: z.string().trim().min(1).max(60),
	/**
	 * One district, or none for the whole city: a screen shows one live room (a district's or
	 * the city's), so a wall of two districts would show the second one's events nowhere.
	 */
	districts: z.array(districtId).max(1),
	panels: z.array(panelId).min(1),
	rotation: z.object({
		/** Off when it holds one view only. */
		views: z.array(screenView).min(1),
		seconds: z.number().int().min(10).max(3_600)
	}),
	/** How long a new critical alert takes the screen over; 0 turns takeovers off. */
	takeoverSeconds: z.number().int().min(0).max(300),
	/** A panel whose data is older than this shows a stale badge. */
	staleAfterSeconds: z.number().int().min(5).max(600),
	mapIndicator
});
export type ScreenSettings = z.infer<typeof screenSettings>;

export const screenConfig = screenSettings.extend({
	id: entityId,
	version: z.number().int().positive(),
	updatedAt: z.string()
});
export type ScreenConfig = z.infer<typeof screenConfig>;

/** What a signed-in regulator's screen uses when it is not a configured kiosk screen. */
export function defaultScreenSettings(districts: string[]): ScreenSettings {
	return {
		name: '',
		districts,
		panels: [...panelIds],
		rotation: { views: ['district'], seconds: 60 },
		takeoverSeconds: 15,
		staleAfterSeconds: 15,
		// The risk picture by default: the share of C and D merchants per district.
		mapIndicator: 'gradeMix'
	};
}

/** The answer of GET /api/command/screen. `screen`: null for a person rather than a kiosk. */
export const screenAnswer = z.object({
	screen: screenConfig.nullable(),
	settings: screenSettings
});
export type ScreenAnswer = z.infer<typeof screenAnswer>;
