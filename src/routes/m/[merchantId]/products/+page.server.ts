import { fail } from '@sveltejs/kit';
import { productCategory, storageCondition } from '$lib/domain/events/stock';
import { productFromForm } from '$lib/domain/stock/forms';
import { recordEvent, untilStored } from '$lib/server/record-event';
import { productsOfShop } from '$lib/server/stock/shop-stock';
import { formFields, stockShop } from '../stock.server';
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
	save: async ({ locals, params, request }) => {
		const { viewer, shop, isOwner } = await stockShop(locals, params.merchantId);
		if (!isOwner) return fail(403, { forbidden: true });
		const form = await formFields(request);
		const result = productFromForm(form);
		if (!result.ok) {
			const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]));
			return fail(400, { fields: result.fields, values });
		}
		const { event } = await recordEvent(viewer, {
			type: 'stock.product.upserted',
			merchantId: shop.id,
			districtId: shop.districtId,
			payload: result.value
		});
		// Lands on a list that shows the change (bounded: the event is safe in the stream).
		await untilStored(viewer.claims, event);
		return { saved: result.value.sku };
	}
};
