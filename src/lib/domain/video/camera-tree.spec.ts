import { describe, expect, it } from 'vitest';
import { cameraTree, pageOf, type TreeCamera } from './camera-tree';

const cam = (
	id: string,
	merchantId: string,
	districtId: string,
	extra: Partial<TreeCamera> = {}
): TreeCamera => ({
	cameraId: id,
	merchantId,
	districtId,
	name: id,
	area: 'cooking',
	status: 'online',
	...extra
});

describe('camera tree', () => {
	it('video wall - groups by district then merchant, districts in the given order', () => {
		const tree = cameraTree(
			[
				cam('c3', 'm-b', '370103', { merchantName: '乙店' }),
				cam('c1', 'm-a', '370102', { merchantName: '甲店', area: 'storage' }),
				cam('c2', 'm-a', '370102', { merchantName: '甲店', area: 'cooking' })
			],
			['370102', '370103']
		);
		expect(tree.map((d) => d.districtId)).toEqual(['370102', '370103']);
		expect(tree[0]!.merchants[0]!.name).toBe('甲店');
		// Cooking before storage.
		expect(tree[0]!.cameras.map((c) => c.cameraId)).toEqual(['c2', 'c1']);
	});

	it('video wall - search matches merchant or camera names', () => {
		const cams = [
			cam('后厨1', 'm-a', '370102', { merchantName: '甲店' }),
			cam('x', 'm-b', '370102', { merchantName: '乙店' })
		];
		expect(cameraTree(cams, [], '乙').flatMap((d) => d.cameras.map((c) => c.cameraId))).toEqual([
			'x'
		]);
		expect(cameraTree(cams, [], '后厨').flatMap((d) => d.cameras.map((c) => c.cameraId))).toEqual([
			'后厨1'
		]);
		expect(cameraTree(cams, [], 'none')).toEqual([]);
	});

	it('video wall - pages wrap around for the rotation', () => {
		const items = [1, 2, 3, 4, 5];
		expect(pageOf(items, 4, 0)).toEqual({ items: [1, 2, 3, 4], pages: 2, page: 0 });
		expect(pageOf(items, 4, 1).items).toEqual([5]);
		expect(pageOf(items, 4, 2).page).toBe(0);
		expect(pageOf([], 4, 3)).toEqual({ items: [], pages: 1, page: 0 });
	});
});
