import type { TicketClaims } from '$lib/domain/auth/claims';
import { findExisting } from '$lib/server/registry/existing';

/** The districts a regulator may register merchants in: an admin's are all of them. */
export { districtsOf as writableDistricts } from '$lib/domain/auth/policy';

/**
 * Whether a credit code is registered already: in the viewer's districts (with its id and name,
 * to link to it), or elsewhere (only that it is). Either way a second registration is refused:
 * one business, one register entry, and never a way to pull another district's merchant over.
 */
export async function registeredWithCode(claims: TicketClaims, creditCode: string) {
	const { existing, elsewhere } = await findExisting(claims, [creditCode]);
	const [mine] = existing.get(creditCode) ?? [];
	if (mine) return { id: mine.merchantId, name: mine.name };
	return elsewhere.has(creditCode) ? { id: null, name: null } : null;
}
