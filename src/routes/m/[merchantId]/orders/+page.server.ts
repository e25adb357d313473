import { tableOrderList } from '$lib/domain/order/table-order';
import { readApi } from '$lib/server/read-api';
import { shopOf } from '../shop.server';
import type { PageServerLoad } from './$types';

/** 扫码订单: the shop's table orders, newest first, for its owner and staff (the till's side). */
export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('shop:table-orders');
	const { viewer, shop } = await shopOf(locals, params.merchantId);
	const { items } = await readApi(
		viewer.claims,
		`/api/merchants/${encodeURIComponent(shop.id)}/table-orders`,
		tableOrderList
	);
	return { shop: { id: shop.id, name: shop.name }, orders: items };
};
