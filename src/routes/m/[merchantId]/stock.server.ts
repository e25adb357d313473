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
