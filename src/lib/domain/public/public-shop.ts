import { z } from 'zod';
import { complaintFiled, complaintReplied } from '../events/public';
import { businessType, merchantStatus } from '../events/merchant';
import { districtId } from '../ids';
import { riskGrades } from '../risk/risk-settings';

/**
 * What the public platform may show of a shop (the page behind the QR code on its door, the
 * public search, the embed widget and the open-data API). Public by construction: no person's
 * name, phone or ID number, no credit code, no inspector, no complaint text. The processor's
 * open `/public/*` routes answer exactly these shapes, and the web server parses them again.
 */
export const publicLicenceStatus = z.enum(['valid', 'expiring', 'expired', 'none']);
export type PublicLicenceStatus = z.infer<typeof publicLicenceStatus>;

export const inspectionResult = z.enum(['pass', 'rectify', 'fail']);

export const publicShop = z.object({
	id: z.string(),
	name: z.string(),
	districtId: z.string(),
	businessType,
	status: merchantStatus,
	address: z.string(),
	lon: z.number(),
	lat: z.number(),
	licenceStatus: publicLicenceStatus,
	/** The earliest end date over the shop's licence kinds (what the status is judged by). */
	licenceValidTo: z.string().nullable(),
	/** Null before the shop's first grading. */
	riskGrade: z.enum(riskGrades).nullable(),
	latestInspection: z.object({ result: inspectionResult, at: z.string() }).nullable(),
	/** This month's finished days: owed (day, book) pairs kept of those owed; null: none owed. */
	ledgers: z.object({
		from: z.iso.date(),
		to: z.iso.date(),
		kept: z.number().int(),
		owed: z.number().int(),
		percent: z.number().nullable()
	}),
	/** 整改: how many fixes the bureau is waiting for, and the nearest deadline. No names. */
	rectifications: z.object({ open: z.number().int(), nextDeadline: z.string().nullable() }),
	/** Recall notices open for the shop (召回公告), their public text only. */
	recalls: z.array(
		z.object({
			recallId: z.string(),
			title: z.string(),
			level: z.enum(['1', '2', '3']),
			publicNotice: z.string(),
			openedAt: z.string()
		})
	),
	/** 明厨亮灶: the shop's public cameras and how many are live now. */
	kitchen: z.object({ cameras: z.number().int(), live: z.number().int() })
});
export type PublicShop = z.infer<typeof publicShop>;

/** A row of the public search and of the open-data list. */
export const publicShopItem = publicShop.pick({
	id: true,
	name: true,
	districtId: true,
	businessType: true,
	status: true,
	address: true,
	lon: true,
	lat: true,
	licenceStatus: true,
	riskGrade: true,
	latestInspection: true
});
export type PublicShopItem = z.infer<typeof publicShopItem>;

export const publicShopPage = z.object({
	items: z.array(publicShopItem),
	total: z.number().int(),
	limit: z.number().int(),
	offset: z.number().int()
});
export type PublicShopPage = z.infer<typeof publicShopPage>;

/** A finished inspection as published: shop, result and date (no inspector, no findings). */
export const publicInspection = z.object({
	merchantId: z.string(),
	merchantName: z.string(),
	districtId: z.string(),
	result: inspectionResult,
	at: z.string()
});
export const publicInspectionPage = z.object({
	items: z.array(publicInspection),
	limit: z.number().int(),
	offset: z.number().int()
});
export type PublicInspectionPage = z.infer<typeof publicInspectionPage>;

/**
 * What the complainant sees by the tracking code: never the text, the photos or the contact
 * (the code alone opens this page, so it must not reveal what only the complainant wrote).
 */
export const complaintTracking = z.object({
	complaintId: z.string(),
	merchantId: z.string(),
	merchantName: z.string(),
	category: complaintFiled.shape.category,
	filedAt: z.string(),
	/** `received` until the bureau's first answer. */
	status: z.union([z.literal('received'), complaintReplied.shape.status]),
	publicReply: z.string().nullable(),
	repliedAt: z.string().nullable()
});
export type ComplaintTracking = z.infer<typeof complaintTracking>;

/** The public search's query (also the open-data list's). */
export const publicShopQuery = z.object({
	q: z.string().trim().max(50).optional(),
	district: districtId.optional(),
	limit: z.coerce.number().int().min(1).max(100).default(20),
	offset: z.coerce.number().int().min(0).max(100_000).default(0)
});
export type PublicShopQuery = z.infer<typeof publicShopQuery>;

export const publicInspectionQuery = publicShopQuery.pick({ district: true, offset: true }).extend({
	limit: z.coerce.number().int().min(1).max(100).default(50)
});
export type PublicInspectionQuery = z.infer<typeof publicInspectionQuery>;

/** A shop on the public map: where it is, its grade and latest result; nothing else. */
export const publicMapPoint = publicShopItem.pick({
	id: true,
	name: true,
	lon: true,
	lat: true,
	riskGrade: true,
	latestInspection: true
});
export type PublicMapPoint = z.infer<typeof publicMapPoint>;

/** The map's shops: a sample of at most `limit` of the `total` located shops that match. */
export const publicMapPage = z.object({
	points: z.array(publicMapPoint),
	total: z.number().int(),
	limit: z.number().int()
});
export type PublicMapPage = z.infer<typeof publicMapPage>;

/** The map's query: the search's filters, and how many dots at most. */
export const publicMapQuery = publicShopQuery.pick({ q: true, district: true }).extend({
	limit: z.coerce.number().int().min(1).max(1000).default(300)
});
export type PublicMapQuery = z.infer<typeof publicMapQuery>;
