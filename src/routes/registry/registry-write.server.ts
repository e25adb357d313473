import { districts } from '$lib/domain/districts';
import type { TicketClaims } from '$lib/domain/auth/claims';
import { registryPage } from '$lib/domain/registry/read-model';
import { readApi } from '$lib/server/read-api';

/** The districts a regulator may register merchants in: an admin's are all of them. */
export function writableDistricts(claims: TicketClaims): string[] {
	return claims.role === 'admin' ? districts.map((d) => d.id) : [...claims.districts];
}

/**
 * The merchant already registered under a credit code, if the viewer can see it. A code held
 * in a district outside the viewer's cannot be checked from here; the id derived from the code
 * still keeps it one register entry (a second registration is an update of the same merchant).
 */
export async function registeredWithCode(claims: TicketClaims, creditCode: string) {
	const { items } = await readApi(
		claims,
		`/api/registry?q=${encodeURIComponent(creditCode)}&limit=5`,
		registryPage
	);
	return items.find((m) => m.creditCode === creditCode) ?? null;
}
