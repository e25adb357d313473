import { fail } from '@sveltejs/kit';
import { entityId, uuidv7 } from '$lib/domain/ids';
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
		// An edit keeps its supplier's id; a new supplier gets one.
		const known = entityId.safeParse(form.supplierId);
		const result = supplierFromForm(form, known.success ? known.data : `sup-${uuidv7()}`);
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
