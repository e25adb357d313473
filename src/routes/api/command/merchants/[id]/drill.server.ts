import { alertList, staffList } from '$lib/domain/read-model';
import type { TicketClaims } from '$lib/domain/auth/claims';
import {
	factorsByWeight,
	lotState,
	lotWindow,
	merchantDrill,
	monthStart,
	orderAlerts,
	staffByConcern,
	WALL_VIEWERS,
	type MerchantDrill
} from '$lib/domain/command/drill';
import { certificateStatus } from '$lib/domain/ledgers/morning-check';
import { ledgerCalendar } from '$lib/domain/registry/read-model';
import { riskHistory } from '$lib/domain/risk/risk-read';
import { riskResult } from '$lib/domain/risk/risk-result';
import { lotList } from '$lib/domain/stock/lots';
import { cameraList } from '$lib/domain/video/camera-list';
import { localDay } from '$lib/domain/time';
import { merchantInspections } from '$lib/server/inspections/list';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi, ReadApiError } from '$lib/server/read-api';
import { registryMerchantFor } from '../../../../registry/merchant.server';

/** How much of each list the panel has room for on the wall. */
const ALERTS = 12;
const INSPECTIONS = 5;
const HISTORY_POINTS = 60;

/** A merchant graded never yet has no score (the read API says 404): not an error here. */
async function orNull<T>(p: Promise<T>): Promise<T | null> {
	try {
		return await p;
	} catch (e) {
		if (e instanceof ReadApiError && e.status === 404) return null;
		throw e;
	}
}

/**
 * Everything the drill-down shows, read with the viewer's claims (the read API cuts each answer
 * to them). A merchant outside the viewer's districts is a 404 from the registry read, the same
 * as one that does not exist, before anything else is asked.
 */
export async function merchantDrillOf(
	locals: App.Locals,
	merchantId: string
): Promise<MerchantDrill> {
	const claims: TicketClaims = viewerOf(locals, WALL_VIEWERS).claims;
	const m = await registryMerchantFor(claims, merchantId);
	const id = encodeURIComponent(m.id);
	const today = localDay(Date.now());
	const lots = lotWindow(today);
	const base = `/api/alerts?merchantId=${id}&limit=${ALERTS}`;
	const [staff, risk, history, calendar, active, recent, inspections, lotRows, cameras] =
		await Promise.all([
			readApi(claims, `/api/merchants/${id}/staff`, staffList),
			orNull(readApi(claims, `/api/merchants/${id}/risk`, riskResult)),
			readApi(claims, `/api/merchants/${id}/risk/history`, riskHistory),
			readApi(
				claims,
				`/api/merchants/${id}/ledger-calendar?from=${monthStart(today)}&to=${today}`,
				ledgerCalendar
			),
			readApi(claims, `${base}&status=active`, alertList),
			readApi(claims, base, alertList),
			merchantInspections(claims, m.id, INSPECTIONS),
			readApi(claims, `/api/merchants/${id}/lots?from=${lots.from}&to=${lots.to}`, lotList),
			readApi(claims, `/api/merchants/${id}/cameras`, cameraList)
		]);
	// Parsed on the way out too: nothing leaves that the schema does not name (no phone, no ID).
	return merchantDrill.parse({
		today,
		merchant: {
			id: m.id,
			name: m.name,
			districtId: m.districtId,
			businessType: m.businessType,
			scale: m.scale,
			status: m.status,
			address: m.address,
			creditCode: m.creditCode,
			registeredAt: m.registeredAt
		},
		licences: m.licences,
		staff: staffByConcern(
			staff.items.map((s) => ({
				staffId: s.staffId,
				name: s.name,
				position: s.position,
				certValidTo: s.certValidTo,
				certStatus: certificateStatus(s.certValidTo, today)
			}))
		),
		risk: risk && { ...risk, factors: factorsByWeight(risk.factors) },
		riskHistory: history.items
			.slice(0, HISTORY_POINTS)
			.reverse()
			.map((h) => ({ scoredAt: h.scoredAt, score: h.score, grade: h.grade })),
		calendar,
		alerts: orderAlerts(active.items, recent.items, ALERTS).map((a) => ({
			id: a.id,
			rule: a.rule,
			severity: a.severity,
			status: a.status,
			facts: a.facts,
			raisedAt: a.raisedAt,
			active: a.active
		})),
		inspections: inspections.map((i) => ({
			id: i.id,
			occurredAt: i.occurredAt,
			result: i.result,
			criticalFindings: i.criticalFindings,
			findings: i.findings.length,
			inspectorNames: i.inspectorNames,
			rectificationDeadline: i.rectificationDeadline
		})),
		lots: lotRows.items.map((l) => ({
			lotId: l.lotId,
			productName: l.productName,
			supplierName: l.supplierName,
			quantity: l.quantity,
			unit: l.unit,
			expiresOn: l.expiresOn,
			state: lotState(l.expiresOn, today)
		})),
		// Dark ones first: what the officer must see on the wall.
		cameras: cameras.items
			.map((c) => ({ cameraId: c.cameraId, name: c.name, area: c.area, status: c.status }))
			.sort((a, b) => Number(a.status === 'online') - Number(b.status === 'online'))
	});
}
