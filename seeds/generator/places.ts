import type { Rng } from './rng';

// Data, not UI strings: streets and markets of the demo city, by district.

/** Roads per district (GB/T 2260 code), so an address matches the point's district. */
const roads: Record<string, readonly string[]> = {
	'370102': [
		'泉城路',
		'解放路',
		'文化东路',
		'历山路',
		'经十路',
		'山大路',
		'和平路',
		'千佛山路',
		'燕子山路',
		'东关大街',
		'甸柳庄路',
		'窑头路'
	],
	'370103': [
		'经四路',
		'纬二路',
		'英雄山路',
		'舜耕路',
		'经七路',
		'马鞍山路',
		'建设路',
		'二七新村南路',
		'玉函路',
		'王官庄街'
	],
	'370104': [
		'经十西路',
		'张庄路',
		'经六路',
		'营市街',
		'段店北路',
		'腊山河西路',
		'青年西路',
		'道德北街',
		'美里路'
	],
	'370105': [
		'北园大街',
		'堤口路',
		'无影山路',
		'济泺路',
		'官扎营街',
		'生产路',
		'蓝翔路',
		'北坦大街',
		'标山路'
	],
	'370112': [
		'花园路',
		'工业北路',
		'二环东路',
		'华信路',
		'洪家楼南路',
		'山大北路',
		'七里河路',
		'祝舜路',
		'港沟路',
		'唐冶中路'
	],
	'370113': ['大学路', '峰山路', '清河街', '龙泉街', '长清中心大街', '芙蓉路'],
	'370124': ['榆山路', '青龙路', '锦水街', '翠屏街', '府前街'],
	'370125': ['纬二路', '开元大街', '富阳街', '汉槐街', '正安路'],
	'370126': ['商中路', '钱铺路', '青年路', '彩虹路', '滨河路'],
	'370181': ['汇泉路', '山泉路', '百脉泉街', '绣水大街', '明水大街', '唐王山路']
};

const markets: Record<string, readonly string[]> = {
	'370102': ['山大路菜市场', '甸柳庄农贸市场', '燕山农贸市场'],
	'370103': ['舜玉农贸市场', '建设路菜市场', '七里山农贸市场'],
	'370104': ['匡山农产品市场', '八里桥市场', '段店农贸市场'],
	'370105': ['七里堡农贸市场', '北园农贸市场', '无影山农贸市场'],
	'370112': ['洪家楼农贸市场', '王舍人农贸市场', '华山农贸市场']
};

export function road(rng: Rng, districtId: string): string {
	return rng.pick(roads[districtId] ?? ['中心大街']);
}

export function market(rng: Rng, districtId: string, districtName: string): string {
	const list = markets[districtId];
	return list
		? rng.pick(list)
		: `${districtName.slice(0, 2)}${rng.pick(['城区', '镇', '新区'])}农贸市场`;
}
