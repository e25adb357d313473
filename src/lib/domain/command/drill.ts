import { z } from 'zod';
import { alertRule, alertSeverity, alertStatus, type AlertSeverity } from '../alert';
import { isActive } from '../alerts/lifecycle';
import type { Role } from '../auth/claims';
import { businessType, merchantScale, merchantStatus } from '../events/merchant';
import { cameraArea } from '../events/camera';
import { registryLicence } from '../registry/read-model';
import { riskResult } from '../risk/risk-result';
import { riskGrades } from '../risk/risk-settings';

/**
 * The command screen's merchant drill-down (大屏商户下钻): everything a duty officer needs to
 * judge one merchant at a glance, in one answer of `/api/command/merchants/[id]`. Personal data
 * is cut on the server: staff names (regulators may see them), never phone or ID numbers.
 */

/**
 * Who may open the wall and its drill-down: regulators and kiosk screens. A screen stands in a
 * command centre for its districts' duty officers, so it shows what they may see (staff names
 * and certificate states, never contact numbers); it never acts.
 */
export const WALL_VIEWERS: readonly Role[] = ['admin', 'supervisor', 'screen'];
/** Who may dispatch an inspector from the wall (a screen looks, it does not dispatch). */
export const DISPATCHERS: readonly Role[] = ['admin', 'supervisor'];
export const mayDispatch = (role: Role): boolean => DISPATCHERS.includes(role);

/** Days ahead a lot counts as near expiry; days back an expired lot is still shown. */
export const LOT_NEAR_DAYS = 7;
export const LOT_EXPIRED_DAYS = 30;

const day = z.iso.date();

export const drillStaff = z.object({
	staffId: z.string(),
	name: z.string(),
	position: z.string(),
	certValidTo: day.nullable(),
	certStatus: z.enum(['valid', 'expiring', 'expired', 'missing'])
});
export type DrillStaff = z.infer<typeof drillStaff>;

export const drillAlert = z.object({
	id: z.string(),
	rule: alertRule,
	severity: alertSeverity,
	status: alertStatus,
	facts: z.record(z.string(), z.union([z.string(), z.number()])),
	raisedAt: z.string(),
	active: z.boolean()
});
export type DrillAlert = z.infer<typeof drillAlert>;

export const drillInspection = z.object({
	id: z.string(),
	occurredAt: z.string(),
	result: z.enum(['pass', 'rectify', 'fail']),
	criticalFindings: z.number().int(),
	findings: z.number().int(),
	inspectorNames: z.array(z.string()),
	rectificationDeadline: z.string().nullable()
});

export const drillLot = z.object({
	lotId: z.string(),
	productName: z.string(),
	supplierName: z.string(),
	quantity: z.number(),
	unit: z.string(),
	expiresOn: day,
	state: z.enum(['expired', 'near_expiry'])
});
export type DrillLot = z.infer<typeof drillLot>;

export const drillCamera = z.object({
	cameraId: z.string(),
	name: z.string(),
	// Optional: added with the video wall (issue 7); older answers had name only.
	area: cameraArea.optional(),
	status: z.enum(['online', 'offline']).optional()
});

/** The answer of `GET /api/command/merchants/[id]`, parsed by the endpoint and the panel. */
export const merchantDrill = z.object({
	today: day,
	merchant: z.object({
		id: z.string(),
		name: z.string(),
		districtId: z.string(),
		businessType,
		scale: merchantScale,
		status: merchantStatus,
		address: z.string(),
		creditCode: z.string(),
		registeredAt: z.string().nullable()
	}),
	licences: z.array(registryLicence),
	staff: z.array(drillStaff),
	/** The score with its factors, heaviest first; null before the first grading. */
	risk: riskResult.nullable(),
	/** Scores over time, oldest first (for the line). */
	riskHistory: z.array(
		z.object({ scoredAt: z.string(), score: z.number(), grade: z.enum(riskGrades) })
	),
	/** This month's ledger calendar, from the 1st to today. */
	calendar: z.object({
		from: day,
		to: day,
		rows: z.array(
			z.object({ day, kind: z.string(), entries: z.number().int(), late: z.number().int() })
		)
	}),
	alerts: z.array(drillAlert),
	inspections: z.array(drillInspection),
	lots: z.array(drillLot),
	/** 明厨亮灶 cameras, dark ones first (never their source address). */
	cameras: z.array(drillCamera)
});
export type MerchantDrill = z.infer<typeof merchantDrill>;

const severityRank: Record<AlertSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * Alerts as the officer reads them: the active ones first (most severe, then newest), then the
 * recent handled ones (newest first), each once, at most `limit`.
 */
export function orderAlerts<
	A extends {
		id: string;
		status: z.infer<typeof alertStatus>;
		severity: AlertSeverity;
		raisedAt: string;
	}
>(active: readonly A[], recent: readonly A[], limit: number): (A & { active: boolean })[] {
	const byTime = (a: A, b: A) => (a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : 0);
	const open = active
		.filter((a) => isActive(a.status))
		.sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || byTime(a, b));
	const seen = new Set(open.map((a) => a.id));
	const done = recent.filter((a) => !seen.has(a.id) && !isActive(a.status)).sort(byTime);
	return [...open, ...done].slice(0, limit).map((a) => ({ ...a, active: isActive(a.status) }));
}

/** The factors heaviest first (ties by id, so the order is stable). */
export function factorsByWeight<F extends { id: string; points: number }>(
	factors: readonly F[]
): F[] {
	return [...factors].sort(
		(a, b) => b.points - a.points || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

const addDays = (d: string, n: number) =>
	new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The window of expiry days the drill-down asks for: recently expired to soon expiring. */
export function lotWindow(today: string): { from: string; to: string } {
	return { from: addDays(today, -LOT_EXPIRED_DAYS), to: addDays(today, LOT_NEAR_DAYS) };
}

/** A lot expiring before today is expired; on or after today (inside the window) near expiry. */
export function lotState(expiresOn: string, today: string): DrillLot['state'] {
	return expiresOn < today ? 'expired' : 'near_expiry';
}

/** The first day of `today`'s month. */
export function monthStart(today: string): string {
	return `${today.slice(0, 7)}-01`;
}

const certRank: Record<DrillStaff['certStatus'], number> = {
	expired: 0,
	missing: 1,
	expiring: 2,
	valid: 3
};

/** Staff whose certificate needs action first (expired, missing, expiring), then by name. */
export function staffByConcern<S extends Pick<DrillStaff, 'certStatus' | 'name'>>(
	staff: readonly S[]
): S[] {
	return [...staff].sort(
		(a, b) => certRank[a.certStatus] - certRank[b.certStatus] || a.name.localeCompare(b.name)
	);
}
