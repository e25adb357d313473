import { fail } from '@sveltejs/kit';
import { entityId, uuidv7 } from '$lib/domain/ids';
import { manualMovementKinds, movementFromForm } from '$lib/domain/stock/forms';
import { shelfLifeOf } from '$lib/domain/stock/shelf-life';
import { localDay } from '$lib/domain/time';
import { stableEventId } from '$lib/server/backbone/stable-id';
import { recordEvent, untilStored } from '$lib/server/record-event';
import { sellableLots } from '$lib/server/stock/shop-stock';
import { formFields, stockShop, typedValues } from '../stock.server';
import type { Actions, PageServerLoad } from './$types';

/** 库存: the shop's lots with what is left, their shelf life and recalls, and its movements. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { viewer, shop, isOwner } = await stockShop(locals, params.merchantId);
	const { lots, recalls } = await sellableLots(viewer.claims, shop.id);
	const today = localDay(Date.now());
	const items = lots
		.map((l) => ({
			lotId: l.lotId,
			sku: l.sku,
			productName: l.productName,
			supplierName: l.supplierName,
			batchNo: l.batchNo,
			unit: l.unit,
			expiresOn: l.expiresOn,
			received: l.received,
			remaining: l.remaining,
			recalled: l.recallIds.length > 0,
			shelfLife: shelfLifeOf(l.expiresOn, today)
		}))
		// What is still on the shelf first, soonest expiry first (the order the till sells in).
		.sort(
			(a, b) =>
				Number(b.remaining > 0) - Number(a.remaining > 0) || a.expiresOn.localeCompare(b.expiresOn)
		);
	const onShelf = items.filter((l) => l.remaining > 0);
	return {
		shop: { id: shop.id, name: shop.name },
		owner: isOwner,
		today,
		lots: items,
		recalls: recalls.map(({ recallId, title, publicNotice }) => ({
			recallId,
			title,
			publicNotice
		})),
		warnings: {
			near: onShelf.filter((l) => l.shelfLife.state === 'near_expiry').length,
			expired: onShelf.filter((l) => l.shelfLife.state === 'expired').length
		},
		kinds: manualMovementKinds,
		// A fresh id per page: a second click (or a resent form) is the same movement, one event.
		formId: uuidv7()
	};
};

export const actions: Actions = {
	/** 报损 / 退货 / 调整 / 盘点: staff record them as the owner does. */
	move: async ({ locals, params, request }) => {
		const { viewer, shop } = await stockShop(locals, params.merchantId);
		const form = await formFields(request);
		const formId = entityId.safeParse(form.formId);
		if (!formId.success) return fail(400, { fields: ['formId'], values: typedValues(form) });
		const key = `stock.movement|${shop.id}|${formId.data}`;
		const { lots } = await sellableLots(viewer.claims, shop.id);
		const result = movementFromForm(
			form,
			stableEventId(`${key}|movement`),
			(id) => lots.find((l) => l.lotId === id)?.sku
		);
		if (!result.ok) return fail(400, { fields: result.fields, values: typedValues(form) });
		const { event } = await recordEvent(viewer, {
			id: stableEventId(`${key}|event`),
			type: 'stock.movement.recorded',
			merchantId: shop.id,
			districtId: shop.districtId,
			payload: result.value
		});
		await untilStored(viewer.claims, event);
		return { moved: result.value.lotId };
	}
};
