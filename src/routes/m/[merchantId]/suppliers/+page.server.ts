import { fail } from '@sveltejs/kit';
import { entityId } from '$lib/domain/ids';
import { supplierIdOf } from '$lib/domain/ledgers/purchase';
import { supplierFromForm } from '$lib/domain/stock/forms';
import { recordEvent, untilStored } from '$lib/server/record-event';
import { suppliersOfShop } from '$lib/server/stock/shop-stock';
import { formFields, stockShop } from '../stock.server';
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

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const { viewer, shop, isOwner } = await stockShop(locals, params.merchantId);
		if (!isOwner) return fail(403, { forbidden: true });
		const form = await formFields(request);
		// An edit keeps its supplier's id; a new one gets the city-wide id of its name, the same one
		// the purchase form gives it, so its deliveries join it and a recall reaches every shop.
		const known = entityId.safeParse(form.supplierId);
		const name = typeof form.name === 'string' ? form.name : '';
		const result = supplierFromForm(form, known.success ? known.data : supplierIdOf(name));
		if (!result.ok) {
			const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]));
			return fail(400, { fields: result.fields, values });
		}
		const { event } = await recordEvent(viewer, {
			type: 'stock.supplier.upserted',
			merchantId: shop.id,
			districtId: shop.districtId,
			payload: result.value
		});
		await untilStored(viewer.claims, event);
		return { saved: result.value.supplierId };
	}
};
