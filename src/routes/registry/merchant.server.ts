import { error } from '@sveltejs/kit';
import type { PersonRole, TicketClaims } from '$lib/domain/auth/claims';
import { registryMerchant } from '$lib/domain/registry/read-model';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi, ReadApiError } from '$lib/server/read-api';

export const REGISTRY_READERS: readonly PersonRole[] = ['admin', 'supervisor', 'inspector'];
/** Who changes the register and judges disputes: inspectors read and visit, they do not. */
export const REGISTRY_EDITORS: readonly PersonRole[] = ['admin', 'supervisor'];

/**
 * The viewer and the merchant as the register has it, if it is in the viewer's districts: the
 * read API answers 404 outside them, and so does this page.
 */
export async function registryMerchantOf(
	locals: App.Locals,
	merchantId: string,
	roles: readonly PersonRole[] = REGISTRY_READERS
) {
	const viewer = viewerOf(locals, roles);
	return { viewer, merchant: await registryMerchantFor(viewer.claims, merchantId) };
}

/** The merchant as the register has it for these claims; outside their districts, a 404. */
export async function registryMerchantFor(claims: TicketClaims, merchantId: string) {
	try {
		return await readApi(
			claims,
			`/api/registry/${encodeURIComponent(merchantId)}`,
			registryMerchant
		);
	} catch (e) {
		if (e instanceof ReadApiError && (e.status === 404 || e.status === 400)) {
			error(404, 'no such merchant in your districts');
		}
		throw e;
	}
}
