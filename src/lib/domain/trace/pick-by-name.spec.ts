import { describe, expect, it } from 'vitest';
import { pickByName } from './pick-by-name';

const shops = [
	{ id: 'm-ta', name: '历下甲店' },
	{ id: 'm-ta2', name: '历下甲店二分店' },
	{ id: 'm-tb', name: '历下乙店' }
];
const pick = (text: string, items = shops) =>
	pickByName(
		text,
		items,
		(s) => s.id,
		(s) => s.name
	);

describe('pick by name', () => {
	it('pick - an id typed is that one', () => {
		expect(pick('m-tb')).toEqual({ kind: 'one', item: shops[2] });
	});
	it('pick - an exact name among several partial matches wins', () => {
		expect(pick('历下甲店', shops.slice(0, 2))).toEqual({ kind: 'one', item: shops[0] });
	});
	it('pick - a single hit is it; several are a choice; none is none', () => {
		expect(pick('乙', [shops[2]!])).toEqual({ kind: 'one', item: shops[2] });
		expect(pick('历下', shops)).toEqual({ kind: 'choose', items: shops });
		expect(pick('天桥', [])).toEqual({ kind: 'none' });
	});
	it('pick - two with the same exact name are a choice, not a guess', () => {
		const twins = [
			{ id: 's1', name: '鲜达' },
			{ id: 's2', name: '鲜达' }
		];
		expect(pick('鲜达', twins)).toEqual({ kind: 'choose', items: twins });
	});
});
