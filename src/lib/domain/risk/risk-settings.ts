import { z } from 'zod';
import { alertSeverity } from '../alert';
import { businessTypes, merchantScale } from '../events/merchant';
import { licenceKind } from '../events/licence';
import { complaintFiled } from '../events/public';

/*
 * Modelled loosely on 食品生产经营风险分级管理办法 (the SAMR scheme of grading food businesses):
 * a static part (what the business is: its type, size, who it feeds, its licence) and a dynamic
 * part (how it behaves: books, alerts, complaints, inspections), summed to a score mapped to
 * grades A–D, where A is the lowest risk and each grade implies how often it is inspected.
 * The default bands (A up to 30, B up to 45, C up to 60, D above, upper edges included) follow
 * the scheme's own score bands; every number here is a setting an admin may change.
 */

export const riskGrades = ['A', 'B', 'C', 'D'] as const;
export type RiskGrade = (typeof riskGrades)[number];
export const emptyGradeCounts = (): Record<RiskGrade, number> => ({ A: 0, B: 0, C: 0, D: 0 });

/** Who the kitchen feeds: schools, elderly homes and hospitals feed the most vulnerable. */
export const servedGroups = ['school', 'elderly', 'hospital', 'general'] as const;
export type ServedGroup = (typeof servedGroups)[number];

/** The licence as the risk model sees it now ('none': operating without one). */
export const riskLicenceStatuses = ['valid', 'expiring', 'expired', 'revoked', 'none'] as const;
export type RiskLicenceStatus = (typeof riskLicenceStatuses)[number];

export const inspectionResults = ['pass', 'rectify', 'fail'] as const;
export const complaintCategories = complaintFiled.shape.category.options;

const points = z.number().min(0).max(100);
const table = <K extends string>(keys: readonly K[]) =>
	z.object(Object.fromEntries(keys.map((k) => [k, points])) as Record<K, typeof points>);

const bandsShape = z.object({
	/** The highest score still graded A (inclusive); above it B begins. */
	aMax: z.number(),
	/** The highest score still graded B (inclusive). */
	bMax: z.number(),
	/** The highest score still graded C (inclusive); any higher score is D. */
	cMax: z.number()
});
export type RiskBands = z.infer<typeof bandsShape>;

/** Band problems: thresholds must rise strictly inside 0–100 so that every grade is reachable. */
export function bandProblems(b: RiskBands): string[] {
	const problems: string[] = [];
	for (const [name, v] of Object.entries(b)) {
		if (!(v >= 0 && v < 100)) problems.push(`${name} must be at least 0 and below 100`);
	}
	if (!(b.aMax < b.bMax)) problems.push('bMax must be above aMax');
	if (!(b.bMax < b.cMax)) problems.push('cMax must be above bMax');
	return problems;
}

export const riskSettings = z
	.object({
		/** Every score records the version of the settings that produced it. */
		version: z.number().int().positive(),
		/** A finding this many days old counts half, twice as old a quarter. */
		halfLifeDays: z.number().positive().max(3650),
		/** Findings older than this are forgotten: a count in a sentence means "in this period". */
		lookbackDays: z.number().int().positive().max(3650),
		static: z.object({
			businessType: table(businessTypes),
			scale: table(merchantScale.options),
			serves: table(servedGroups),
			licenceKind: table(licenceKind.options),
			licenceStatus: table(riskLicenceStatuses)
		}),
		/** Points when none of the owed books was kept; a share kept earns its share off. */
		ledgerCompleteness: z.object({ points, cap: points }),
		/** Each suspicious-ledger finding (back-filled, batch-entered, identical temperatures). */
		ledgerTrust: z.object({ perFinding: points, cap: points }),
		alerts: z.object({
			perSeverity: table(alertSeverity.options),
			/** A closed alert still counts this share (it happened); a dismissed one not at all. */
			closedShare: z.number().min(0).max(1),
			/** Cap for one rule, so one recurring lapse cannot fill the whole alerts budget. */
			capPerRule: points,
			cap: points
		}),
		expiredLotSold: z.object({ perSale: points, perRecalledSale: points, cap: points }),
		complaints: z.object({ perCategory: table(complaintCategories), cap: points }),
		inspection: z.object({
			perResult: table(inspectionResults),
			perCriticalFinding: points,
			cap: points,
			/**
			 * Inspections come months apart (a grade-A shop once a year), so their results are
			 * remembered longer than daily findings: at least until the next visit can replace them.
			 */
			halfLifeDays: z.number().positive().max(3650),
			lookbackDays: z.number().int().positive().max(3650)
		}),
		deviceHealth: z.object({ perOfflineHour: points, cap: points }),
		bands: bandsShape,
		/** Routine inspections a year each grade implies. */
		inspectionsPerYear: z.object({
			A: z.number().int().min(0).max(366),
			B: z.number().int().min(0).max(366),
			C: z.number().int().min(0).max(366),
			D: z.number().int().min(0).max(366)
		})
	})
	.superRefine((s, ctx) => {
		for (const message of bandProblems(s.bands)) {
			ctx.addIssue({ code: 'custom', message, path: ['bands'] });
		}
		const f = s.inspectionsPerYear;
		if (!(f.A <= f.B && f.B <= f.C && f.C <= f.D)) {
			ctx.addIssue({
				code: 'custom',
				message: 'a riskier grade cannot be inspected less often',
				path: ['inspectionsPerYear']
			});
		}
	});
export type RiskSettings = z.infer<typeof riskSettings>;

export type SettingsCheck =
	| { ok: true; settings: RiskSettings }
	| { ok: false; problems: { path: string; message: string }[] };

/** Check settings from an admin form or an event; refuses inconsistent bands with reasons. */
export function validateSettings(input: unknown): SettingsCheck {
	const parsed = riskSettings.safeParse(input);
	if (parsed.success) return { ok: true, settings: parsed.data };
	return {
		ok: false,
		problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
	};
}

/**
 * Settings replacing `current`: valid, and numbered `current.version + 1`, so that versions
 * name one settings each and stored scores can be traced to theirs.
 */
export function checkSettingsChange(current: RiskSettings, proposed: unknown): SettingsCheck {
	const checked = validateSettings(proposed);
	if (!checked.ok || checked.settings.version === current.version + 1) return checked;
	const message = `version must be ${current.version + 1}, the one after the current settings`;
	return { ok: false, problems: [{ path: 'version', message }] };
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
	version: 1,
	halfLifeDays: 90,
	lookbackDays: 365,
	static: {
		businessType: {
			restaurant: 8,
			school_canteen: 8,
			elderly_care_canteen: 8,
			company_canteen: 8,
			supermarket: 5,
			small_shop: 3,
			market_stall: 4
		},
		scale: { small: 2, medium: 4, large: 6 },
		serves: { school: 10, elderly: 10, hospital: 10, general: 0 },
		// A small workshop (小作坊) works under looser controls than a licensed producer.
		licenceKind: { food_business: 0, food_production: 4, small_workshop: 6, other: 2 },
		// Operating without a valid licence outweighs everything else a kitchen does right: with
		// the least static weight (a small shop, 5) an expired licence alone is already grade C.
		licenceStatus: { valid: 0, expiring: 2, expired: 42, revoked: 50, none: 45 }
	},
	ledgerCompleteness: { points: 15, cap: 15 },
	ledgerTrust: { perFinding: 4, cap: 12 },
	alerts: {
		perSeverity: { critical: 8, high: 4, medium: 2, low: 1 },
		closedShare: 0.5,
		capPerRule: 10,
		cap: 25
	},
	expiredLotSold: { perSale: 10, perRecalledSale: 15, cap: 25 },
	complaints: {
		perCategory: {
			illness: 6,
			foreign_object: 4,
			expired_food: 4,
			hygiene: 3,
			other: 1,
			price: 0.5
		},
		cap: 15
	},
	// Half-life and lookback chosen on San Francisco's inspections of 2016 H2 (npm run backtest):
	// a year and three years; the 90-day memory of daily findings forgot most past visits.
	inspection: {
		perResult: { pass: 0, rectify: 6, fail: 15 },
		perCriticalFinding: 3,
		cap: 20,
		halfLifeDays: 365,
		lookbackDays: 1095
	},
	deviceHealth: { perOfflineHour: 0.1, cap: 8 },
	bands: { aMax: 30, bMax: 45, cMax: 60 },
	inspectionsPerYear: { A: 1, B: 2, C: 4, D: 12 }
};
