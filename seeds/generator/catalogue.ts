import type { BusinessType } from '../../src/lib/domain/index';

/**
 * What is bought with a lot (packaged, fresh, ingredient) or cooked on the day (dish).
 * Dishes have no purchase: the till refers to the kitchen's batch of the day.
 */
export type ProductCategory = 'packaged' | 'fresh' | 'ingredient' | 'dish';

export interface Product {
	sku: string;
	name: string;
	category: ProductCategory;
	unit: string;
	/** 保质期 in days; 0 for dishes eaten the same day. */
	shelfLifeDays: number;
	priceFen: number;
}

type Row = [name: string, unit: string, shelfLifeDays: number, priceFen: number];

const rows: Record<ProductCategory, Row[]> = {
	packaged: [
		['矿泉水550ml', '瓶', 365, 200],
		['可口可乐330ml', '罐', 365, 350],
		['纯牛奶250ml', '盒', 180, 350],
		['巴氏鲜牛奶950ml', '瓶', 7, 1590],
		['原味酸奶', '杯', 21, 590],
		['切片面包', '袋', 5, 890],
		['红烧牛肉面', '袋', 180, 450],
		['火腿肠', '支', 180, 200],
		['苏打饼干', '袋', 270, 690],
		['速冻水饺1kg', '袋', 365, 2590],
		['青岛啤酒500ml', '瓶', 270, 600],
		['花生油5L', '桶', 540, 8990],
		['五常大米5kg', '袋', 365, 4990],
		['盒装豆腐', '盒', 3, 350],
		['鲜鸡蛋(30枚)', '盒', 30, 1990],
		['三明治', '个', 2, 990]
	],
	fresh: [
		['猪五花肉', 'kg', 3, 3200],
		['牛腱子肉', 'kg', 3, 7800],
		['鲜鸡蛋', 'kg', 30, 1100],
		['大白菜', 'kg', 7, 300],
		['西红柿', 'kg', 5, 600],
		['黄瓜', 'kg', 4, 500],
		['土豆', 'kg', 30, 400],
		['红富士苹果', 'kg', 30, 900],
		['鲜豆腐', 'kg', 2, 600],
		['鲜活鲤鱼', 'kg', 1, 1800],
		['卤猪头肉', 'kg', 2, 5600]
	],
	ingredient: [
		['冷鲜猪肉', 'kg', 3, 2800],
		['冷冻鸡腿', 'kg', 180, 1600],
		['鲜鸡蛋', 'kg', 30, 1000],
		['面粉', 'kg', 180, 400],
		['大米', 'kg', 365, 500],
		['大豆油', 'L', 540, 1200],
		['时令青菜', 'kg', 3, 400],
		['鲜豆腐', 'kg', 2, 500],
		['鲜牛奶', 'L', 7, 1200],
		['冷冻虾仁', 'kg', 270, 6800]
	],
	dish: [
		['把子肉米饭', '份', 0, 1800],
		['九转大肠', '份', 0, 5800],
		['糖醋鲤鱼', '份', 0, 6800],
		['宫保鸡丁', '份', 0, 3200],
		['黄焖鸡米饭', '份', 0, 2200],
		['油旋', '个', 0, 300],
		['甜沫', '碗', 0, 500],
		['猪肉大葱水饺', '份', 0, 2000],
		['牛肉拉面', '碗', 0, 1800],
		['营养套餐A', '份', 0, 1200],
		['营养套餐B', '份', 0, 1500],
		['米饭', '份', 0, 200]
	]
};

const prefix: Record<ProductCategory, string> = {
	packaged: 'pk',
	fresh: 'fr',
	ingredient: 'in',
	dish: 'ds'
};

const build = (category: ProductCategory): readonly Product[] =>
	rows[category].map(([name, unit, shelfLifeDays, priceFen], i) => ({
		sku: `${prefix[category]}${String(i + 1).padStart(3, '0')}`,
		name,
		category,
		unit,
		shelfLifeDays,
		priceFen
	}));

/** The whole catalogue, shared by all merchants (an SKU means the same product everywhere). */
export const catalogue: Record<ProductCategory, readonly Product[]> = {
	packaged: build('packaged'),
	fresh: build('fresh'),
	ingredient: build('ingredient'),
	dish: build('dish')
};

/** What a business of this type buys in lots and what it sells. */
export const assortment: Record<
	BusinessType,
	{ stock: readonly ProductCategory[]; stockCount: [number, number]; sells: 'stock' | 'dishes' }
> = {
	restaurant: { stock: ['ingredient', 'packaged'], stockCount: [4, 7], sells: 'dishes' },
	school_canteen: { stock: ['ingredient'], stockCount: [5, 8], sells: 'dishes' },
	elderly_care_canteen: { stock: ['ingredient'], stockCount: [4, 6], sells: 'dishes' },
	company_canteen: { stock: ['ingredient', 'packaged'], stockCount: [5, 8], sells: 'dishes' },
	supermarket: { stock: ['packaged', 'fresh'], stockCount: [12, 20], sells: 'stock' },
	small_shop: { stock: ['packaged'], stockCount: [6, 12], sells: 'stock' },
	market_stall: { stock: ['fresh'], stockCount: [2, 4], sells: 'stock' }
};
