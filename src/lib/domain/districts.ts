/**
 * The districts of the demo city (Jinan, 2014 divisions, see seeds/geo/SOURCE.md).
 * Names here are data, not UI strings: official names in Chinese and pinyin.
 */
export const districts = [
	{ id: '370102', name: '历下区', nameEn: 'Lixia' },
	{ id: '370103', name: '市中区', nameEn: 'Shizhong' },
	{ id: '370104', name: '槐荫区', nameEn: 'Huaiyin' },
	{ id: '370105', name: '天桥区', nameEn: 'Tianqiao' },
	{ id: '370112', name: '历城区', nameEn: 'Licheng' },
	{ id: '370113', name: '长清区', nameEn: 'Changqing' },
	{ id: '370124', name: '平阴县', nameEn: 'Pingyin' },
	{ id: '370125', name: '济阳县', nameEn: 'Jiyang' },
	{ id: '370126', name: '商河县', nameEn: 'Shanghe' },
	{ id: '370181', name: '章丘市', nameEn: 'Zhangqiu' }
] as const;

export type District = (typeof districts)[number];

/**
 * The city's own code (济南市): what city-wide events that concern no merchant are filed under
 * (risk settings), with the merchant id `city`.
 */
export const CITY_ID = '370100';
export const CITY_SUBJECT_ID = 'city';

export function districtName(id: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
	const d = districts.find((x) => x.id === id);
	if (!d) return id;
	return locale === 'en' ? d.nameEn : d.name;
}
