import type { BusinessType } from '../../src/lib/domain/index';
import type { Rng } from './rng';

// Data, not UI strings: the demo city's shops must read like a real register.

const surnames =
	'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const givenChars =
	'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志新海波宁峰浩亮晓燕鹏飞辉鑫宇欣怡子涵梓轩雨轩浩然俊杰文博嘉怡佳琪思雨';

export function personName(rng: Rng): string {
	const surname = surnames[rng.int(0, surnames.length - 1)] as string;
	const a = givenChars[rng.int(0, givenChars.length - 1)] as string;
	return rng.chance(0.35)
		? surname + a
		: surname + a + (givenChars[rng.int(0, givenChars.length - 1)] as string);
}

const restaurantBrands = [
	'草包包子铺',
	'超意兴快餐',
	'老转村',
	'鲁味居',
	'便宜坊',
	'聚丰德',
	'黄焖鸡米饭',
	'兰州牛肉拉面',
	'沙县小吃',
	'杨国福麻辣烫',
	'张亮麻辣烫',
	'小肥羊火锅',
	'老济南把子肉',
	'泉城油旋',
	'九转大肠馆',
	'老舍茶馆'
];
const restaurantDishes = [
	'家常菜',
	'把子肉',
	'水饺',
	'烧烤',
	'面馆',
	'羊汤',
	'快餐',
	'川菜馆',
	'鲁菜馆',
	'米线',
	'砂锅',
	'炒鸡店',
	'海鲜大排档'
];
const shopWords = [
	'便利店',
	'烟酒副食',
	'食品店',
	'粮油店',
	'水果店',
	'超市',
	'副食品店',
	'熟食店'
];
const supermarketChains = [
	'银座超市',
	'华联超市',
	'大润发',
	'家家悦超市',
	'佳乐家超市',
	'统一银座',
	'全福元超市',
	'沃尔玛',
	'山姆会员店',
	'盒马鲜生'
];
const companies = [
	'浪潮集团',
	'中国重汽',
	'济南二机床',
	'山东高速',
	'齐鲁制药',
	'鲁能集团',
	'济南轨道交通',
	'山东黄金',
	'中铁十局',
	'山东电力',
	'齐鲁银行',
	'海信(济南)',
	'济南热电',
	'山东钢铁'
];
const stallGoods = ['蔬菜', '猪肉', '牛羊肉', '水产', '鲜鸡蛋', '豆制品', '水果', '熟食'];
const schoolKinds = [
	'实验小学',
	'第一中学',
	'外国语学校',
	'幼儿园',
	'职业中专',
	'实验初级中学',
	'第二小学',
	'育英中学'
];
const schoolNumbers = '一二三四五六七八九十';

/** A merchant name that reads like the register, shaped by its business type. */
export function merchantName(
	rng: Rng,
	type: BusinessType,
	districtName: string,
	street: string,
	marketName: string
): string {
	const town = districtName.slice(0, 2);
	const surname = surnames[rng.int(0, surnames.length - 1)] as string;
	switch (type) {
		case 'restaurant':
			return rng.chance(0.3)
				? `${rng.pick(restaurantBrands)}(${street}店)`
				: rng.chance(0.5)
					? `老${surname}家${rng.pick(restaurantDishes)}`
					: `${surname}记${rng.pick(restaurantDishes)}`;
		case 'school_canteen':
			return rng.chance(0.5)
				? `${districtName}${rng.pick(schoolKinds)}食堂`
				: `济南市${town}第${schoolNumbers[rng.int(0, 9)]}${rng.pick(['小学', '中学', '幼儿园'])}食堂`;
		case 'elderly_care_canteen':
			return rng.chance(0.5)
				? `${street.replace(/(路|街|大街)$/, '')}社区长者食堂`
				: `${town}${rng.pick(['颐养院', '敬老院', '养老服务中心'])}食堂`;
		case 'company_canteen':
			return rng.chance(0.5)
				? `${rng.pick(companies)}职工食堂(${street})`
				: `济南${surname}${rng.pick(['泰', '华', '盛', '鑫', '源'])}${rng.pick(['科技', '机械', '物流', '建材'])}有限公司职工食堂`;
		case 'supermarket':
			return `${rng.pick(supermarketChains)}(${street}店)`;
		case 'small_shop':
			return `${rng.chance(0.5) ? surname + '记' : street.slice(0, 2)}${rng.pick(shopWords)}`;
		case 'market_stall':
			return `${marketName}${surname}氏${rng.pick(stallGoods)}摊`;
	}
}

const supplierWords = [
	'鲁中',
	'泉城',
	'齐鲁',
	'济丰',
	'绿源',
	'华润',
	'鑫盛',
	'康源',
	'惠民',
	'金穗'
];
const supplierKinds = [
	'食品有限公司',
	'农产品批发有限公司',
	'蔬菜配送中心',
	'冷链物流有限公司',
	'粮油贸易有限公司',
	'肉类加工有限公司',
	'乳业有限公司'
];

export function supplierName(rng: Rng): string {
	return `${rng.chance(0.6) ? '山东' : '济南'}${rng.pick(supplierWords)}${rng.pick(supplierKinds)}`;
}
