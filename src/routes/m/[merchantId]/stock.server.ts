import { fail } from '@sveltejs/kit';
import type { FsEventOf } from '$lib/domain/events';
import type { FormResult } from '$lib/domain/stock/forms';
import { recordEvent, untilStored } from '$lib/server/record-event';
import { shopOf } from './shop.server';

/**
 * A shop's stock pages: staff sell and record movements; only the owner changes the catalogue
 * (products, suppliers) and the POS keys.
 */
export async function stockShop(locals: App.Locals, merchantId: string) {
	const s = await shopOf(locals, merchantId);
	return { ...s, isOwner: s.viewer.claims.role === 'merchant_owner' };
}

/** Form fields as strings (files are not part of these forms). */
export async function formFields(request: Request): Promise<Record<string, FormDataEntryValue>> {
	return Object.fromEntries(await request.formData());
}

/** What was typed, handed back with a refusal so the form keeps it. */
export function typedValues(form: Record<string, FormDataEntryValue>): Record<string, string> {
	return Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]));
}

type CatalogueEvent = 'stock.product.upserted' | 'stock.supplier.upserted';

/**
 * The owner's save of a catalogue entry (商品, 供应商): staff are refused (403), a wrong form
 * comes back with its fields and what was typed (400), a right one is recorded and waited for
 * (bounded: the event is safe in the stream) so the list the page lands on shows it.
 */
export async function saveCatalogueEntry<T extends CatalogueEvent>(
	{
		locals,
		params,
		request
	}: { locals: App.Locals; params: { merchantId: string }; request: Request },
	type: T,
	fromForm: (form: Record<string, FormDataEntryValue>) => FormResult<FsEventOf<T>['payload']>
) {
	const { viewer, shop, isOwner } = await stockShop(locals, params.merchantId);
	if (!isOwner) return fail(403, { forbidden: true });
	const form = await formFields(request);
	const result = fromForm(form);
	if (!result.ok) return fail(400, { fields: result.fields, values: typedValues(form) });
	const { event } = await recordEvent(viewer, {
		type,
		merchantId: shop.id,
		districtId: shop.districtId,
		payload: result.value
	});
	await untilStored(viewer.claims, event);
	return { saved: true };
}
