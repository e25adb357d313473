import { z } from 'zod';
import type { TicketClaims } from '../../domain/auth/claims';
import type { ExistingMerchant } from '../../domain/registry/import/plan';
import { readApi } from '../read-api';

const answer = z.object({
	items: z.array(
		z.object({
			id: z.string(),
			districtId: z.string(),
			name: z.string(),
			creditCode: z.string(),
			licences: z.array(z.object({ licenceId: z.string(), number: z.string() })),
			staff: z.array(z.object({ staffId: z.string(), name: z.string() }))
		})
	),
	elsewhere: z.array(z.string())
});

const CHUNK = 200;

/**
 * Which credit codes of the file are registered: those in the importer's scope with their ids,
 * licences and staff; of the rest, only that they exist. Asked in chunks (URL length).
 */
export async function findExisting(
	claims: TicketClaims,
	codes: readonly string[]
): Promise<{ existing: Map<string, ExistingMerchant[]>; elsewhere: Set<string> }> {
	const existing = new Map<string, ExistingMerchant[]>();
	const elsewhere = new Set<string>();
	for (let i = 0; i < codes.length; i += CHUNK) {
		const chunk = codes.slice(i, i + CHUNK);
		const r = await readApi(claims, `/api/credit-codes?codes=${chunk.join(',')}`, answer);
		for (const m of r.items) {
			const list = existing.get(m.creditCode) ?? [];
			list.push({
				merchantId: m.id,
				districtId: m.districtId,
				name: m.name,
				licenceIds: Object.fromEntries(m.licences.map((l) => [l.number, l.licenceId])),
				staffIds: Object.fromEntries(m.staff.map((s) => [s.name, s.staffId]))
			});
			existing.set(m.creditCode, list);
		}
		for (const c of r.elsewhere) elsewhere.add(c);
	}
	return { existing, elsewhere };
}
