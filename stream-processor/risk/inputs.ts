import type { BusinessType, merchantScale } from '../../src/lib/domain/events/merchant';
import type { licenceKind } from '../../src/lib/domain/events/licence';
import { owedLedgers } from '../../src/lib/domain/ledgers/completeness';
import { certificateStatus } from '../../src/lib/domain/ledgers/morning-check';
import { complaintCategories } from '../../src/lib/domain/risk/risk-settings';
import {
	ledgerSuspicionRules,
	staticOnly,
	type LedgerSuspicionRule,
	type RiskInputs
} from '../../src/lib/domain/risk/risk-inputs';
import type { z } from 'zod';
import type { MerchantRecord } from '../state/merchant-state';
import { deviceHealthOf } from '../state/cameras';

type Scale = (typeof merchantScale.options)[number];
type LicenceKind = z.infer<typeof licenceKind>;
const suspicion = new Set<string>(ledgerSuspicionRules);

/**
 * Kept and owed daily books over finished days, from per-kind counts of days kept in the window
 * (one query for every merchant, ledger-window.ts): the owed kinds of its type and scale, on the
 * days since it was registered; a kind is kept at most once a counted day.
 */
export function ledgerStatsFromCounts(
	m: Pick<MerchantRecord, 'businessType' | 'scale'>,
	daysKept: ReadonlyMap<string, number> | undefined,
	days: readonly string[],
	registeredOn: string | null
): RiskInputs['ledgers'] {
	const owedKinds = owedLedgers(m.businessType as BusinessType, m.scale as Scale);
	const counted = days.filter((d) => !registeredOn || d >= registeredOn).length;
	let kept = 0;
	for (const k of owedKinds) kept += Math.min(daysKept?.get(k) ?? 0, counted);
	return { kept, owed: owedKinds.length * counted, days: counted };
}

/**
 * What the risk model sees of a merchant now, from the processor's state: what it is, its
 * licence, its books, the alerts still being handled, its complaints, its latest inspections and
 * how long its 明厨亮灶 cameras were dark lately (fridge sensors report readings, not silence:
 * they are not counted as devices yet).
 */
export function riskInputsOf(
	m: MerchantRecord,
	ledgers: RiskInputs['ledgers'],
	today: string,
	now = Date.now()
): RiskInputs {
	const base = staticOnly({
		businessType: m.businessType as BusinessType,
		scale: m.scale as Scale,
		licence: licenceOf(m, today)
	});
	const active = [...m.alerts.values()];
	return {
		...base,
		ledgers,
		ledgerFindings: active
			.filter((a) => suspicion.has(a.rule))
			.map((a) => ({ rule: a.rule as LedgerSuspicionRule, at: Date.parse(a.raisedAt) })),
		alerts: active
			.filter((a) => a.status !== 'closed' && a.status !== 'dismissed')
			.map((a) => ({
				rule: a.rule,
				severity: a.severity,
				status: a.status === 'open' ? ('open' as const) : ('acknowledged' as const),
				raisedAt: Date.parse(a.raisedAt)
			})),
		lotsSold: active
			.filter((a) => a.rule === 'expired_lot_sold')
			.map((a) => ({ at: Date.parse(a.raisedAt), recalled: false })),
		complaints: m.complaints.flatMap((c) => {
			const category = complaintCategories.find((k) => k === c.category);
			return category ? [{ at: c.at, category }] : [];
		}),
		inspections: m.inspections.map((i) => ({
			at: Date.parse(i.at),
			result: i.result,
			criticalFindings: i.criticalFindings
		})),
		devices: deviceHealthOf(m, now)
	};
}

/** The licence that lets it trade: the food licence reaching furthest, else any other. */
export function licenceOf(m: MerchantRecord, today: string): RiskInputs['licence'] {
	const all = [...m.licences.values()];
	const live = all.filter((l) => !l.revoked);
	const best = live.sort((a, b) => (a.validTo < b.validTo ? 1 : -1))[0];
	if (!best) {
		return all.length
			? { kind: kindOf(all[0]?.kind), status: 'revoked', validTo: all[0]?.validTo ?? today }
			: null;
	}
	// The same 30-day window as the registry and the health certificates.
	const state = certificateStatus(best.validTo, today);
	const status = state === 'missing' ? 'expired' : state;
	return { kind: kindOf(best.kind), status, validTo: best.validTo };
}

function kindOf(kind: string | undefined): LicenceKind {
	return (
		(['food_business', 'food_production', 'small_workshop'] as const).find((k) => k === kind) ??
		'other'
	);
}
