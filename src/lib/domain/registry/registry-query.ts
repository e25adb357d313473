import { z } from 'zod';
import { districtId } from '../ids';
import { businessType, merchantStatus } from '../events/merchant';
import { riskGrades } from '../risk/risk-settings';

export const licenceStatuses = ['valid', 'expiring', 'expired', 'none'] as const;
export const licenceStatus = z.enum(licenceStatuses);
export type LicenceStatus = z.infer<typeof licenceStatus>;

export const EXPORT_PAGE = 10_000;
/** An export stops here: a spreadsheet of a whole province is a job, not a click. */
export const EXPORT_MAX_ROWS = 100_000;

/**
 * The registry list's search and filters: the same schema checks the page's URL and the read
 * API's query, so a link someone shares means the same list everywhere.
 */
export const registryQuery = z.object({
	q: z.string().trim().max(50).optional(),
	district: districtId.optional(),
	businessType: businessType.optional(),
	status: merchantStatus.optional(),
	licence: licenceStatus.optional(),
	grade: z.enum(riskGrades).optional(),
	/** risk: the riskiest first. */
	sort: z.enum(['name', 'licence', 'updated', 'risk']).default('name'),
	/** Up to a page of the export; the list shows 50. */
	limit: z.coerce.number().int().min(1).max(EXPORT_PAGE).default(50),
	offset: z.coerce.number().int().min(0).max(1_000_000).default(0)
});
export type RegistryQuery = z.infer<typeof registryQuery>;

/** Parses URL search params, dropping empty values (an unset `<select>` sends ''). */
export function parseRegistryQuery(
	params: URLSearchParams
): ReturnType<typeof registryQuery.safeParse> {
	const entries = [...params].filter(([, v]) => v !== '');
	return registryQuery.safeParse(Object.fromEntries(entries));
}

/** The query as URL search text, without defaults, so links stay short and shareable. */
export function registrySearch(q: Partial<RegistryQuery>): string {
	const defaults: Partial<Record<keyof RegistryQuery, unknown>> = {
		sort: 'name',
		limit: 50,
		offset: 0
	};
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries(q)) {
		if (v === undefined || v === '' || defaults[k as keyof RegistryQuery] === v) continue;
		params.set(k, String(v));
	}
	return params.toString();
}
