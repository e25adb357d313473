import type { ProductCategory as ShopCategory } from '../../src/lib/domain/events/stock';
import { catalogue, type Product } from './catalogue';
import type { Lot } from './lots';

const bySku = new Map(
	Object.values(catalogue)
		.flat()
		.map((p) => [p.sku, p])
);

/** The shop's category for a catalogue item, from its name (the catalogue groups by handling). */
const categories: [RegExp, ShopCategory][] = [
	[/奶|蛋/, 'dairy_eggs'],
	[/水|可乐|啤酒|饮|茶/, 'beverage'],
	// Noodles and dumplings before meat: 红烧牛肉面 is a staple, not beef.
	[/米|面|油|饺|饼|粉/, 'grain_oil'],
	[/鸡|鸭/, 'poultry'],
	[/肉|肠|排骨|牛|羊/, 'meat'],
	[/鱼|虾|蟹/, 'seafood'],
	[/果|橙|苹|梨|香蕉|西瓜/, 'fruit'],
	[/菜|豆|瓜|葱|椒|茄|土豆|萝卜|蒜|姜/, 'vegetables'],
	[/盐|酱|醋|糖|料|味精/, 'seasoning']
];

function categoryOf(name: string): ShopCategory {
	return categories.find(([re]) => re.test(name))?.[1] ?? 'other';
}

/**
 * The `stock.product.upserted` payloads of a demo shop: every SKU it holds lots of, at the
 * catalogue's price, so its till and its table-order menu have something to sell.
 */
export function shopProducts(lots: readonly Lot[]) {
	const skus = [...new Set(lots.map((l) => l.sku))];
	return skus
		.map((sku) => bySku.get(sku))
		.filter((p): p is Product => p !== undefined)
		.map((p) => ({
			sku: p.sku,
			name: p.name,
			category: categoryOf(p.name),
			shelfLifeDays: Math.max(1, p.shelfLifeDays),
			storage: /速冻/.test(p.name) ? 'frozen' : p.shelfLifeDays <= 14 ? 'chilled' : 'ambient',
			unit: p.unit,
			priceFen: p.priceFen
		}));
}
