import type { TicketClaims } from '../../domain/auth/claims';
import { merchantRecalls } from '../../domain/trace/contracts';
import { stockList } from '../../domain/trace/stock-list';
import type { FifoLot } from '../../domain/stock/fifo';
import { productList, supplierList } from '../../domain/stock/catalogue';
import { tableOrderList } from '../../domain/order/table-order';
import { readApi } from '../read-api';

const shopPath = (merchantId: string, rest: string) =>
	`/api/merchants/${encodeURIComponent(merchantId)}${rest}`;

/**
 * The shop's lots as the till must see them: a lot is recalled when the stock answer says so
 * or when an open recall of the shop names it (both come from the processor; either suffices,
 * so a recall refuses the lot from its opening on).
 */
export async function sellableLots(claims: TicketClaims, merchantId: string) {
	const [stock, recalls] = await Promise.all([
		readApi(claims, shopPath(merchantId, '/stock'), stockList),
		readApi(claims, shopPath(merchantId, '/recalls'), merchantRecalls)
	]);
	const recalledBy = new Map<string, string[]>();
	for (const r of recalls.items) {
		for (const lotId of r.lotIds) {
			recalledBy.set(lotId, [...(recalledBy.get(lotId) ?? []), r.recallId]);
		}
	}
	const lots = stock.items.map((l) => ({
		...l,
		recallIds: [...new Set([...l.recallIds, ...(recalledBy.get(l.lotId) ?? [])])]
	}));
	return { lots: lots satisfies FifoLot[], recalls: recalls.items };
}

/** The shop's products, by name; a price of none is `undefined` (not on the menu). */
export async function productsOfShop(claims: TicketClaims, merchantId: string) {
	const { items } = await readApi(claims, shopPath(merchantId, '/products'), productList);
	return items
		.map((p) => ({ ...p, priceFen: p.priceFen ?? undefined }))
		.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** The shop's suppliers (recorded ones, and those known only from its purchase intake). */
export async function suppliersOfShop(claims: TicketClaims, merchantId: string) {
	const { items } = await readApi(claims, shopPath(merchantId, '/suppliers'), supplierList);
	return items.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * Table orders (from the diner's phone) the shop has not been paid for yet, as the processor
 * sees them (placed, no table sale of the order since): the same read the diner's page and the
 * payment callback go by, so the till does not offer an order already paid online.
 */
export async function tableOrdersOfShop(claims: TicketClaims, merchantId: string) {
	return (await recentTableOrders(claims, merchantId)).filter((o) => o.status === 'placed');
}

/** The shop's newest table orders, paid or not (the processor's table-orders read). */
export async function recentTableOrders(claims: TicketClaims, merchantId: string) {
	const { items } = await readApi(claims, shopPath(merchantId, '/table-orders'), tableOrderList);
	return items;
}
