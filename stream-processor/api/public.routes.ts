import { owedLedgers, percent } from '../../src/lib/domain/ledgers/completeness';
import {
	complaintTracking,
	publicInspectionPage,
	publicInspectionQuery,
	publicMapPage,
	publicMapQuery,
	publicShop,
	publicShopPage,
	publicShopQuery,
	type PublicShop
} from '../../src/lib/domain/public/public-shop';
import {
	licenceStatusOf,
	monthSoFar,
	openRectifications
} from '../../src/lib/domain/public/shop-facts';
import type { RiskGrade } from '../../src/lib/domain/risk/risk-settings';
import { localDay } from '../../src/lib/domain/time';
import type { MerchantRecord } from '../state/merchant-state';
import { HttpError, type OpenRoute } from './http';
import { parseId, parseQuery } from './params';
import type { PublicItemRow, PublicMapRow, PublicQueries } from './public.queries';

export interface PublicRouteDeps {
	queries: PublicQueries;
	merchant: (id: string) => MerchantRecord | undefined;
	/** The shop's current grade (null before its first grading). */
	grade: (m: MerchantRecord) => RiskGrade | null;
	timeZone: string;
}

/**
 * The public platform's reads: no viewer, for the web server only (its public-read ticket). Each answer is built field by field into a public
 * schema and parsed with it before it leaves, so a column added to a query (or a field to the
 * state) cannot leak by accident. An unknown or unregistered shop is a 404.
 *   /public/merchants?q=&district=&limit=&offset=   publicShopPage
 *   /public/merchants/:id                            publicShop
 *   /public/map?q=&district=&limit=                  publicMapPage
 *   /public/inspections?district=&limit=&offset=     publicInspectionPage
 *   /public/complaints/:code                         complaintTracking
 */
export function mountPublicRoutes(open: OpenRoute, deps: PublicRouteDeps): void {
	open('/public/merchants', 0, async (req) => {
		const q = parseQuery(publicShopQuery, req.query);
		const { items, total } = await deps.queries.publicShops(q);
		const body = publicShopPage.parse({
			items: items.map(itemOf),
			total,
			limit: q.limit,
			offset: q.offset
		});
		return { status: 200, body };
	});
	open('/public/merchants/:id', 1, async (req) => {
		const m = deps.merchant(parseId(req.params[0]));
		if (!m?.registered) throw new HttpError(404, 'no such shop');
		return { status: 200, body: publicShop.parse(await shopOf(m, deps)) };
	});
	open('/public/map', 0, async (req) => {
		const q = parseQuery(publicMapQuery, req.query);
		const { points, total } = await deps.queries.publicMap(q);
		const body = publicMapPage.parse({ points: points.map(pointOf), total, limit: q.limit });
		return { status: 200, body };
	});
	open('/public/inspections', 0, async (req) => {
		const q = parseQuery(publicInspectionQuery, req.query);
		const items = await deps.queries.publicInspections(q);
		return {
			status: 200,
			body: publicInspectionPage.parse({ items, limit: q.limit, offset: q.offset })
		};
	});
	open('/public/complaints/:code', 1, async (req) => {
		const r = await deps.queries.complaintTracking(parseId(req.params[0]));
		if (!r) throw new HttpError(404, 'no such complaint');
		const replied = r.replies > 0;
		const body = complaintTracking.parse({
			complaintId: r.complaintId,
			merchantId: r.merchantId,
			merchantName: r.merchantName,
			category: r.category,
			filedAt: r.filedAt,
			status: replied ? r.status : 'received',
			publicReply: replied ? r.publicReply : null,
			repliedAt: replied ? r.repliedAt : null
		});
		return { status: 200, body };
	});
}

function itemOf(r: PublicItemRow) {
	return {
		id: r.id,
		name: r.name,
		districtId: r.districtId,
		businessType: r.businessType,
		status: r.status,
		address: r.address,
		lon: Number(r.lon),
		lat: Number(r.lat),
		licenceStatus: r.licenceStatus,
		riskGrade: r.riskGrade,
		latestInspection:
			r.inspectionResult && r.inspectionAt
				? { result: r.inspectionResult, at: r.inspectionAt }
				: null
	};
}

function pointOf(r: PublicMapRow) {
	return {
		id: r.id,
		name: r.name,
		lon: Number(r.lon),
		lat: Number(r.lat),
		riskGrade: r.riskGrade,
		latestInspection:
			r.inspectionResult && r.inspectionAt
				? { result: r.inspectionResult, at: r.inspectionAt }
				: null
	};
}

/** The shop's public facts: the processor's state where it has them, the store for the rest. */
async function shopOf(m: MerchantRecord, deps: PublicRouteDeps): Promise<PublicShop> {
	const now = Date.now();
	const today = localDay(now, deps.timeZone);
	const licence = licenceStatusOf(m.licences.values(), today);
	const latest = m.inspections.at(-1);
	const cameras = [...m.cameras.values()].filter((c) => c.publicView);
	// On the 1st nothing of the month is finished yet: nothing owed, nothing kept.
	const month = monthSoFar(today);
	const [kept, recalls] = await Promise.all([
		month ? deps.queries.ledgersKept(m.id, m.districtId, month.from, month.to) : 0,
		deps.queries.openRecalls(m.id, m.districtId)
	]);
	const owed = month ? owedIn(m, month, deps.timeZone) : 0;
	const ledgersKept = Math.min(kept, owed);
	return {
		id: m.id,
		name: m.name,
		districtId: m.districtId,
		businessType: m.businessType as PublicShop['businessType'],
		status: m.status as PublicShop['status'],
		address: m.address,
		lon: m.lon,
		lat: m.lat,
		licenceStatus: licence.status,
		licenceValidTo: licence.validTo,
		riskGrade: deps.grade(m),
		latestInspection: latest ? { result: latest.result, at: latest.at } : null,
		ledgers: {
			...(month ?? { from: today, to: today }),
			kept: ledgersKept,
			owed,
			percent: percent(ledgersKept, owed)
		},
		rectifications: openRectifications(m.alerts.values()),
		recalls,
		kitchen: { cameras: cameras.length, live: cameras.filter((c) => c.status === 'online').length }
	};
}

/** (day, book) pairs owed in the window: the books of its type × days since it was registered. */
function owedIn(m: MerchantRecord, w: { from: string; to: string }, timeZone: string): number {
	if (m.status !== 'operating') return 0;
	const kinds = owedLedgers(
		m.businessType as PublicShop['businessType'],
		m.scale as Parameters<typeof owedLedgers>[1]
	).length;
	const since = m.knownSince ? localDay(m.knownSince, timeZone) : w.from;
	const start = since > w.from ? since : w.from;
	if (start > w.to) return 0;
	const days =
		(Date.parse(`${w.to}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000 + 1;
	return kinds * days;
}
