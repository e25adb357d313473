import { registryMerchantOf } from '../../merchant.server';
import type { PageServerLoad } from './$types';

/**
 * The sheet for the shop's door (公示码): the address of its public page, large, to print. No
 * QR encoder is installed in this project, so the address is printed in type big enough to key
 * in; a QR image can be added here once an encoder is approved.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { merchant } = await registryMerchantOf(locals, params.merchantId);
	return {
		merchant: { id: merchant.id, name: merchant.name, address: merchant.address },
		publicUrl: `${url.origin}/p/${encodeURIComponent(merchant.id)}`
	};
};
