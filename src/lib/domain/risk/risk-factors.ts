import { alertRule, type AlertRule } from '../alert';
import { businessTypes, merchantScale, type BusinessType } from '../events/merchant';
import { licenceKind } from '../events/licence';
import { localDay } from '../time';
import { ledgerSuspicionRules, servesOf, type RiskInputs } from './risk-inputs';
import {
	riskLicenceStatuses,
	servedGroups,
	type RiskLicenceStatus,
	type RiskSettings,
	type ServedGroup
} from './risk-settings';

/**
 * Alert rules another factor already counts are left out of the alerts factor, so one lapse
 * is never scored twice: suspicious books (ledger trust), expired lots sold (their own
 * factor), licence expiry (the licence factor), complaints and failed inspections (theirs), dark cameras (device health).
 */
const countedElsewhere = [
	...ledgerSuspicionRules,
	'expired_lot_sold',
	'licence_expired',
	'licence_expiring',
	'complaint_filed',
	'inspection_failed',
	'camera_offline'
] as const;
type CountedElsewhere = (typeof countedElsewhere)[number];
export type ScoredAlertRule = Exclude<AlertRule, CountedElsewhere>;
export const scoredAlertRules = alertRule.options.filter(
	(r): r is ScoredAlertRule => !(countedElsewhere as readonly string[]).includes(r)
);

type Scale = (typeof merchantScale.options)[number];
type LicenceKindId = (typeof licenceKind.options)[number];

/**
 * A factor's id names what it is about; enum values sit in the id (not the facts) so that the
 * UI renders `risk.factor.<id>` with only numbers and dates to fill in.
 */
export type RiskFactorId =
	| `business_type.${BusinessType}`
	| `scale.${Scale}`
	| `serves.${ServedGroup}`
	| `licence_kind.${LicenceKindId}`
	| `licence.${RiskLicenceStatus}`
	| 'ledger_completeness'
	| 'ledger_trust'
	| 'lots_sold'
	| 'complaints'
	| 'inspection'
	| 'device_health'
	| `alert.${ScoredAlertRule}`;

export const riskFactorIds: readonly RiskFactorId[] = [
	...businessTypes.map((t) => `business_type.${t}` as const),
	...merchantScale.options.map((s) => `scale.${s}` as const),
	...servedGroups.map((s) => `serves.${s}` as const),
	...licenceKind.options.map((k) => `licence_kind.${k}` as const),
	...riskLicenceStatuses.map((s) => `licence.${s}` as const),
	'ledger_completeness',
	'ledger_trust',
	'lots_sold',
	'complaints',
	'inspection',
	'device_health',
	...scoredAlertRules.map((r) => `alert.${r}` as const)
];

/** 静态风险 (what the business is and holds) or 动态风险 (how it behaves), as the scheme splits them. */
export type RiskFactorPart = 'static' | 'dynamic';

export interface RiskFactor {
	id: RiskFactorId;
	part: RiskFactorPart;
	/** The merchant can change it (a licence, its books); not what the business is. */
	actionable: boolean;
	/** Points added to the score, one decimal. */
	points: number;
	/** What the i18n sentence interpolates: counts, shares and days, never rendered text. */
	facts: Record<string, string | number>;
}

const DAY_MS = 86_400_000;

/** One decimal: scores are shown so, and sums of shown points must add up. */
export const round1 = (x: number) => Math.round(x * 10) / 10;

/** How much a finding this old still counts: 1 when new, ½ after one half-life, never > 1. */
export function decay(ageMs: number, halfLifeDays: number): number {
	return ageMs <= 0 ? 1 : 2 ** -(ageMs / (halfLifeDays * DAY_MS));
}

export function staticFactors(inputs: RiskInputs, s: RiskSettings): RiskFactor[] {
	const st = s.static;
	const serves = inputs.serves ?? servesOf(inputs.businessType);
	const status: RiskLicenceStatus = inputs.licence?.status ?? 'none';
	const factors: RiskFactor[] = [
		fixed(`business_type.${inputs.businessType}`, st.businessType[inputs.businessType]),
		fixed(`scale.${inputs.scale}`, st.scale[inputs.scale]),
		fixed(`serves.${serves}`, st.serves[serves])
	];
	if (inputs.licence) {
		factors.push(fixed(`licence_kind.${inputs.licence.kind}`, st.licenceKind[inputs.licence.kind]));
	}
	// A licence is held, hence static, but renewing or obtaining one is in the merchant's hands.
	const validTo = inputs.licence?.validTo ?? '';
	factors.push({
		id: `licence.${status}`,
		part: 'static',
		actionable: true,
		points: round1(st.licenceStatus[status]),
		facts: { validTo }
	});
	return factors.filter((f) => f.points > 0);
}

function fixed(id: RiskFactorId, points: number): RiskFactor {
	return { id, part: 'static', actionable: false, points: round1(points), facts: {} };
}

/** Sum of a weight per finding, each decayed by its age; the latest finding's day. */
export function decayed<T>(
	items: readonly T[],
	at: number,
	halfLifeDays: number,
	instant: (x: T) => number,
	weight: (x: T) => number
): { sum: number; latest: number } {
	let sum = 0;
	let latest = -Infinity;
	for (const x of items) {
		const t = instant(x);
		sum += weight(x) * decay(at - t, halfLifeDays);
		if (t > latest) latest = t;
	}
	return { sum, latest };
}

export const dayOf = (ms: number, timeZone: string) =>
	ms > -Infinity ? localDay(ms, timeZone) : '';

export function capped(
	id: RiskFactorId,
	raw: number,
	cap: number,
	facts: RiskFactor['facts']
): RiskFactor {
	return { id, part: 'dynamic', actionable: true, points: round1(Math.min(raw, cap)), facts };
}
