import { entityId } from '$lib/domain/ids';
import { supplierIdOf } from '$lib/domain/ledgers/purchase';
import { supplierFromForm } from '$lib/domain/stock/forms';
import { suppliersOfShop } from '$lib/server/stock/shop-stock';
import { saveCatalogueEntry, stockShop } from '../stock.server';
import type { Actions, PageServerLoad } from './$types';

/** 供应商: who delivers to the shop; the owner keeps the list. Contacts stay on these pages. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { viewer, shop, isOwner } = await stockShop(locals, params.merchantId);
	return {
		shop: { id: shop.id, name: shop.name },
		suppliers: await suppliersOfShop(viewer.claims, shop.id),
		mayEdit: isOwner
	};
};

/**
 * An edit keeps its supplier's id; a new one gets the city-wide id of its name, the same one the
 * purchase form gives it, so its deliveries join it and a recall reaches every shop.
 */
function supplierOfForm(form: Record<string, FormDataEntryValue>) {
	const known = entityId.safeParse(form.supplierId);
	const name = typeof form.name === 'string' ? form.name : '';
	return supplierFromForm(form, known.success ? known.data : supplierIdOf(name));
}

export const actions: Actions = {
	save: (event) => saveCatalogueEntry(event, 'stock.supplier.upserted', supplierOfForm)
};
