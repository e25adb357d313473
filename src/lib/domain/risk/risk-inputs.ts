import type { AlertRule, AlertSeverity } from '../alert';
import type { z } from 'zod';
import type { BusinessType, merchantScale } from '../events/merchant';
import type { licenceKind } from '../events/licence';
import type {
	complaintCategories,
	inspectionResults,
	RiskLicenceStatus,
	ServedGroup
} from './risk-settings';

type MerchantScale = z.infer<typeof merchantScale>;
type LicenceKind = z.infer<typeof licenceKind>;

/** The rules whose alerts are suspicious-ledger findings: the ledger-trust factor's input. */
export const ledgerSuspicionRules = [
	'ledger_identical_temperatures',
	'ledger_backfilled',
	'ledger_batch_entered'
] as const satisfies readonly AlertRule[];
export type LedgerSuspicionRule = (typeof ledgerSuspicionRules)[number];

/**
 * Everything the risk model knows about one merchant at an instant. The processor builds it
 * from its per-merchant state; scoring reads nothing else. Instants are epoch milliseconds
 * (the processor keeps them so, and scoring 100,000 merchants must not parse dates).
 */
export interface RiskInputs {
	businessType: BusinessType;
	scale: MerchantScale;
	/** Who the kitchen feeds; derived from the business type when not known otherwise. */
	serves?: ServedGroup;
	/** The current licence, null when the merchant has none on file. */
	licence: {
		kind: LicenceKind;
		status: Exclude<RiskLicenceStatus, 'none'>;
		validTo: string;
	} | null;
	/** Owed daily books over the recent window (owedLedgers × operating days) and those kept. */
	ledgers: { kept: number; owed: number; days: number };
	ledgerFindings: readonly { rule: LedgerSuspicionRule; at: number }[];
	alerts: readonly {
		rule: AlertRule;
		severity: AlertSeverity;
		status: 'open' | 'acknowledged' | 'closed' | 'dismissed';
		raisedAt: number;
	}[];
	/** Sales of a lot past its shelf life or under recall. */
	lotsSold: readonly { at: number; recalled: boolean }[];
	complaints: readonly { at: number; category: (typeof complaintCategories)[number] }[];
	/** The latest inspections (合格 pass, 基本合格 rectify, 不合格 fail). */
	inspections: readonly {
		at: number;
		result: (typeof inspectionResults)[number];
		criticalFindings: number;
	}[];
	/** Sensors and cameras over the recent window: hours any of them was offline, summed. */
	devices: { count: number; offlineHours: number };
}

/** Schools, elderly homes (and hospital canteens, when the registry says so) weigh more. */
export function servesOf(type: BusinessType): ServedGroup {
	if (type === 'school_canteen') return 'school';
	if (type === 'elderly_care_canteen') return 'elderly';
	return 'general';
}

/** A merchant without any history yet: only what it is counts (its static score). */
export function staticOnly(
	facts: Pick<RiskInputs, 'businessType' | 'scale' | 'licence'> & { serves?: ServedGroup }
): RiskInputs {
	return {
		...facts,
		ledgers: { kept: 0, owed: 0, days: 0 },
		ledgerFindings: [],
		alerts: [],
		lotsSold: [],
		complaints: [],
		inspections: [],
		devices: { count: 0, offlineHours: 0 }
	};
}
