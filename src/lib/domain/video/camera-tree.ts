import type { CameraArea } from '../events/camera';

/** What the wall's tree needs of a camera. */
export interface TreeCamera {
	cameraId: string;
	merchantId: string;
	districtId: string;
	name: string;
	area: CameraArea;
	status: 'online' | 'offline';
	merchantName?: string;
}

export interface MerchantNode<C extends TreeCamera> {
	merchantId: string;
	name: string;
	cameras: C[];
}
export interface DistrictNode<C extends TreeCamera> {
	districtId: string;
	merchants: MerchantNode<C>[];
	cameras: C[];
}

const areaOrder: readonly CameraArea[] = ['cooking', 'cold_dishes', 'washing', 'storage'];

/**
 * The video wall's tree: district → merchant → cameras (by kitchen area), filtered by a search
 * over merchant and camera names (case-insensitive). Districts in the given order, merchants by
 * name, cameras by area then name: the order the wall pages through.
 */
export function cameraTree<C extends TreeCamera>(
	cameras: readonly C[],
	districtOrder: readonly string[],
	search = ''
): DistrictNode<C>[] {
	const q = search.trim().toLowerCase();
	const hit = (c: C) =>
		!q || c.name.toLowerCase().includes(q) || (c.merchantName ?? '').toLowerCase().includes(q);
	const byDistrict = new Map<string, Map<string, MerchantNode<C>>>();
	for (const c of cameras) {
		if (!hit(c)) continue;
		const merchants = byDistrict.get(c.districtId) ?? new Map<string, MerchantNode<C>>();
		byDistrict.set(c.districtId, merchants);
		const m = merchants.get(c.merchantId) ?? {
			merchantId: c.merchantId,
			name: c.merchantName ?? c.merchantId,
			cameras: []
		};
		merchants.set(c.merchantId, m);
		m.cameras.push(c);
	}
	const rank = (d: string) => {
		const i = districtOrder.indexOf(d);
		return i === -1 ? districtOrder.length : i;
	};
	return [...byDistrict.entries()]
		.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
		.map(([districtId, merchants]) => {
			const list = [...merchants.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
			for (const m of list) {
				m.cameras.sort(
					(a, b) =>
						areaOrder.indexOf(a.area) - areaOrder.indexOf(b.area) ||
						a.name.localeCompare(b.name, 'zh')
				);
			}
			return { districtId, merchants: list, cameras: list.flatMap((m) => m.cameras) };
		});
}

/** Page `page` (wrapping) of `items` in groups of `size`, and how many pages there are. */
export function pageOf<T>(
	items: readonly T[],
	size: number,
	page: number
): { items: T[]; pages: number; page: number } {
	const pages = Math.max(1, Math.ceil(items.length / size));
	const p = ((page % pages) + pages) % pages;
	return { items: items.slice(p * size, p * size + size), pages, page: p };
}
