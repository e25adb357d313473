import { placePoints, type MapView } from '../geo/svg-map';
import type { RiskGrade } from '../risk/risk-settings';
import type { PublicMapPage, PublicMapPoint } from './public-shop';

/** Dots on the public map at most: enough to show a city's spread, light enough for a phone. */
export const MAP_DOTS = 300;

/** A dot's kind: the shop's grade, or `none` before its first grading. */
export type DotGrade = RiskGrade | 'none';
/** The legend's order, best to worst, then the ungraded. */
export const dotGrades: readonly DotGrade[] = ['A', 'B', 'C', 'D', 'none'];
/** Drawing order: ungraded at the bottom, the riskiest on top, where a diner's eye lands. */
const paint: Record<DotGrade, number> = { none: 0, A: 1, B: 2, C: 3, D: 4 };

export interface ShopDot {
	id: string;
	name: string;
	x: number;
	y: number;
	grade: DotGrade;
	latestInspection: PublicMapPoint['latestInspection'];
}

export interface ShopMap {
	dots: ShopDot[];
	/** Shops that matched and have a place (drawn or not). */
	total: number;
	/** More matched than are drawn: the page says so. */
	capped: boolean;
}

/** The dots of a map answer in a view: placed, out-of-view ones left out, worst drawn last. */
export function shopMap(view: Pick<MapView, 'project' | 'inside'>, page: PublicMapPage): ShopMap {
	const dots = placePoints(view, page.points)
		.map((p) => ({
			id: p.id,
			name: p.name,
			x: p.x,
			y: p.y,
			grade: p.riskGrade ?? ('none' as const),
			latestInspection: p.latestInspection
		}))
		.sort((a, b) => paint[a.grade] - paint[b.grade] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return { dots, total: page.total, capped: page.total > page.points.length };
}
