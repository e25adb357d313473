import { z } from 'zod';
import { districtId } from '../ids';
import { isValidCreditCode } from './credit-code';
import {
	businessType,
	merchantRegistered,
	merchantScale,
	merchantStatus
} from '../events/merchant';

/**
 * The register's merchant form as the browser sends it (all strings), checked field by field so
 * the page can say which field is wrong. What it yields is a merchant.registered payload.
 */
const text = (max: number) => z.string().trim().max(max);
const formFields = z.object({
	name: text(100).min(1),
	creditCode: z.string().trim().toUpperCase().refine(isValidCreditCode),
	businessType,
	scale: merchantScale,
	status: merchantStatus.default('operating'),
	districtId,
	address: text(200).min(1),
	lon: z.coerce.number().min(73).max(136),
	lat: z.coerce.number().min(3).max(54),
	contactName: text(50).optional(),
	contactPhone: z
		.string()
		.trim()
		.regex(/^([0-9+\- ]{5,20})?$/)
		.optional(),
	enterpriseRelation: z.enum(['', 'head_office', 'operator']).optional(),
	enterpriseName: text(100).optional(),
	enterpriseCreditCode: z
		.string()
		.trim()
		.toUpperCase()
		.refine((c) => c === '' || isValidCreditCode(c))
		.optional()
});
export type MerchantFormField = keyof z.infer<typeof formFields>;

export type MerchantFormResult =
	| {
			ok: true;
			districtId: string;
			status: z.infer<typeof merchantStatus>;
			payload: z.infer<typeof merchantRegistered>;
	  }
	| { ok: false; fields: MerchantFormField[] };

export function parseMerchantForm(data: Record<string, unknown>): MerchantFormResult {
	const parsed = formFields.safeParse(data);
	if (!parsed.success) {
		return {
			ok: false,
			fields: [...new Set(parsed.error.issues.map((i) => i.path[0] as MerchantFormField))]
		};
	}
	const f = parsed.data;
	const missing: MerchantFormField[] = [];
	// A contact is a name and a phone; an enterprise is a relation, a name and a code.
	if (Boolean(f.contactName) !== Boolean(f.contactPhone)) {
		missing.push(f.contactName ? 'contactPhone' : 'contactName');
	}
	const enterprise = [f.enterpriseRelation, f.enterpriseName, f.enterpriseCreditCode];
	if (enterprise.some(Boolean) && !enterprise.every(Boolean)) {
		if (!f.enterpriseRelation) missing.push('enterpriseRelation');
		if (!f.enterpriseName) missing.push('enterpriseName');
		if (!f.enterpriseCreditCode) missing.push('enterpriseCreditCode');
	}
	if (missing.length) return { ok: false, fields: missing };
	const payload = merchantRegistered.parse({
		name: f.name,
		creditCode: f.creditCode,
		businessType: f.businessType,
		scale: f.scale,
		address: f.address,
		location: { lon: f.lon, lat: f.lat },
		...(f.contactName && f.contactPhone
			? { contact: { name: f.contactName, phone: f.contactPhone } }
			: {}),
		...(f.enterpriseRelation && f.enterpriseName && f.enterpriseCreditCode
			? {
					enterprise: {
						relation: f.enterpriseRelation,
						name: f.enterpriseName,
						creditCode: f.enterpriseCreditCode
					}
				}
			: {})
	});
	return { ok: true, districtId: f.districtId, status: f.status, payload };
}

/** A new merchant's id, from its credit code: one register entry per business, form or import. */
export { merchantIdFor as merchantIdOf } from './import/ids';
