import { z } from 'zod';
import { shortText } from './common';

export const businessTypes = [
	'restaurant',
	'school_canteen',
	'elderly_care_canteen',
	'company_canteen',
	'supermarket',
	'small_shop',
	'market_stall'
] as const;
export const businessType = z.enum(businessTypes);
export type BusinessType = z.infer<typeof businessType>;

export const merchantScale = z.enum(['small', 'medium', 'large']);
export const merchantStatus = z.enum(['operating', 'suspended', 'closed']);

export const location = z.object({
	lon: z.number().min(-180).max(180),
	lat: z.number().min(-90).max(90)
});

/** 统一社会信用代码: 18 characters of digits and capital letters (no I, O, S, V, Z). */
const creditCode = z
	.string()
	.regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be an 18-character 统一社会信用代码');

/**
 * The enterprise behind a shop: a chain's head office (总部), or the company that runs a
 * school's or an elderly home's canteen (承包经营单位). Recalls and cases often reach it.
 */
export const relatedEnterprise = z.object({
	relation: z.enum(['head_office', 'operator']),
	name: shortText(100),
	creditCode
});

export const merchantRegistered = z.object({
	name: shortText(100),
	creditCode,
	businessType,
	scale: merchantScale,
	address: shortText(200),
	location,
	contact: z
		.object({ name: shortText(50), phone: z.string().regex(/^[0-9+\- ]{5,20}$/) })
		.optional(),
	enterprise: relatedEnterprise.optional()
});

export const merchantUpdated = merchantRegistered
	.partial()
	.extend({ status: merchantStatus.optional() });
