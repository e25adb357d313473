import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { keyHint } from '$lib/server/pos/keys';
import { posKeyStore } from '$lib/server/pos/web';
import { formFields, stockShop } from '../stock.server';
import type { Actions, PageServerLoad } from './$types';

/** The owner's page only: a key sells in the shop's name. */
async function ownerShop(locals: App.Locals, merchantId: string) {
	const s = await stockShop(locals, merchantId);
	if (!s.isOwner) error(403, 'only the owner manages POS keys');
	return s;
}

/** POS 接口密钥: the shop's API keys for real POS systems; each shown once when made. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { shop } = await ownerShop(locals, params.merchantId);
	const keys = await (await posKeyStore()).list(shop.id);
	return {
		shop: { id: shop.id, name: shop.name },
		keys: keys.map((k) => ({ ...k, hint: keyHint(k.keyId) }))
	};
};

const labelForm = z.object({ label: z.string().trim().min(1).max(50) });
const revokeForm = z.object({ keyId: z.string().regex(/^[a-z0-9]{16}$/) });

export const actions: Actions = {
	create: async ({ locals, params, request, getClientAddress }) => {
		const { viewer, shop } = await ownerShop(locals, params.merchantId);
		const parsed = labelForm.safeParse(await formFields(request));
		if (!parsed.success) return fail(400, { fields: ['label'] });
		const { key } = await (
			await posKeyStore()
		).issue(shop.id, parsed.data.label, { id: viewer.user.username, address: getClientAddress() });
		// The one time the key is shown: the store keeps its hash only.
		return { key };
	},
	revoke: async ({ locals, params, request, getClientAddress }) => {
		const { viewer, shop } = await ownerShop(locals, params.merchantId);
		const parsed = revokeForm.safeParse(await formFields(request));
		if (!parsed.success) return fail(400, { fields: ['keyId'] });
		const done = await (
			await posKeyStore()
		).revoke(shop.id, parsed.data.keyId, {
			id: viewer.user.username,
			address: getClientAddress()
		});
		return done ? { revoked: true } : fail(404, { fields: ['keyId'] });
	}
};
