import { error } from '@sveltejs/kit';
import { merchantDetail } from '$lib/domain/read-model';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi, ReadApiError } from '$lib/server/read-api';

/**
 * The inspector and a merchant of their districts: the read API answers 404 outside them (or
 * for a malformed id), and so does the page, as if the merchant did not exist.
 */
export async function inspectedMerchant(locals: App.Locals, merchantId: string) {
	const viewer = viewerOf(locals, ['inspector']);
	try {
		const merchant = await readApi(
			viewer.claims,
			`/api/merchants/${encodeURIComponent(merchantId)}`,
			merchantDetail
		);
		return { viewer, merchant };
	} catch (e) {
		if (e instanceof ReadApiError && (e.status === 404 || e.status === 400)) {
			error(404, 'no such merchant in your districts');
		}
		throw e;
	}
}
