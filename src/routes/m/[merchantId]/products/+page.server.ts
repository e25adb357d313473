import { productCategory, storageCondition } from '$lib/domain/events/stock';
import { productFromForm } from '$lib/domain/stock/forms';
import { productsOfShop } from '$lib/server/stock/shop-stock';
import { saveCatalogueEntry, stockShop } from '../stock.server';
import type { Actions, PageServerLoad } from './$types';

/** 商品: the shop's products; the owner adds and edits them. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { viewer, shop, isOwner } = await stockShop(locals, params.merchantId);
	return {
		shop: { id: shop.id, name: shop.name },
		products: await productsOfShop(viewer.claims, shop.id),
		mayEdit: isOwner,
		categories: productCategory.options,
		storages: storageCondition.options
	};
};

export const actions: Actions = {
	save: (event) => saveCatalogueEntry(event, 'stock.product.upserted', productFromForm)
};
