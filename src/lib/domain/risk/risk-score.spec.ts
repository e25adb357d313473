import { describe, expect, it } from 'vitest';
import { decay } from './risk-factors';
import { staticOnly, type RiskInputs } from './risk-inputs';
import { riskResult } from './risk-result';
import { gradeOf, improvements, scoreMerchant } from './risk-score';
import { DEFAULT_RISK_SETTINGS as S, type RiskSettings } from './risk-settings';

const AT = Date.parse('2026-11-28T04:00:00Z'); // 12:00 in Jinan
const DAY = 86_400_000;
const HALF_LIFE = S.halfLifeDays * DAY;

/** A medium restaurant with a valid licence: 8 (type) + 4 (scale) = 12 static points. */
const base = staticOnly({
	businessType: 'restaurant',
	scale: 'medium',
	licence: { kind: 'food_business', status: 'valid', validTo: '2028-06-30' }
});
const score = (patch: Partial<RiskInputs>, settings: RiskSettings = S) =>
	scoreMerchant({ ...base, ...patch }, settings, AT);
const factor = (patch: Partial<RiskInputs>, id: string) =>
	score(patch).factors.find((f) => f.id === id);
const alert = (
	rule: RiskInputs['alerts'][number]['rule'],
	status: RiskInputs['alerts'][number]['status'] = 'open',
	raisedAt = AT - DAY,
	severity: RiskInputs['alerts'][number]['severity'] = 'medium'
) => ({ rule, severity, status, raisedAt });

describe('risk score - static part', () => {
	it('risk - a merchant without any history gets its static score', () => {
		const r = score({});
		expect(r).toMatchObject({ score: 12, staticScore: 12, grade: 'A', settingsVersion: 1 });
		expect(r.factors.map((f) => [f.id, f.points])).toEqual([
			['business_type.restaurant', 8],
			['scale.medium', 4]
		]);
		expect(improvements(r)).toEqual([]);
	});

	it('risk - schools, elderly homes and hospitals weigh more for whom they feed', () => {
		const school = scoreMerchant({ ...base, businessType: 'school_canteen' }, S, AT);
		expect(school.factors.find((f) => f.id === 'serves.school')?.points).toBe(10);
		expect(school.score).toBe(22);
		expect(score({ serves: 'hospital' }).score).toBe(22);
		expect(score({ businessType: 'supermarket', scale: 'small' }).score).toBe(7);
	});

	it('risk - the licence category and status count; trading without a valid one is grade C at least', () => {
		const workshop = factor(
			{ licence: { ...base.licence!, kind: 'small_workshop' } },
			'licence_kind.small_workshop'
		);
		expect(workshop?.points).toBe(6);
		const expired = score({
			licence: { ...base.licence!, status: 'expired', validTo: '2026-10-01' }
		});
		expect(expired.factors.find((f) => f.id === 'licence.expired')).toMatchObject({
			points: 42,
			facts: { validTo: '2026-10-01' }
		});
		expect(expired.grade).toBe('C');
		expect(score({ licence: null }).factors.map((f) => f.id)).toContain('licence.none');
		expect(score({ licence: null }).score).toBe(57);
		// The least static weight there is (a small shop) cannot keep an unlicensed trader in B.
		const least = { businessType: 'small_shop', scale: 'small' } as const;
		for (const status of ['expired', 'revoked'] as const) {
			expect(score({ ...least, licence: { ...base.licence!, status } }).grade).toBe('C');
		}
		expect(score({ ...least, licence: null }).grade).toBe('C');
	});
});

describe('risk score - dynamic factors', () => {
	it('risk - ledger completeness: owing nothing or keeping all adds nothing; a gap its share', () => {
		expect(
			factor({ ledgers: { kept: 0, owed: 0, days: 30 } }, 'ledger_completeness')
		).toBeUndefined();
		expect(
			factor({ ledgers: { kept: 60, owed: 60, days: 30 } }, 'ledger_completeness')
		).toBeUndefined();
		expect(factor({ ledgers: { kept: 45, owed: 60, days: 30 } }, 'ledger_completeness')).toEqual({
			id: 'ledger_completeness',
			part: 'dynamic',
			actionable: true,
			points: 3.8,
			facts: { kept: 45, owed: 60, missed: 15, percent: 75, days: 30 }
		});
		expect(
			factor({ ledgers: { kept: 0, owed: 60, days: 30 } }, 'ledger_completeness')?.points
		).toBe(15);
	});

	it('risk - ledger trust: each suspicious finding, capped', () => {
		expect(factor({}, 'ledger_trust')).toBeUndefined();
		const two = factor(
			{
				ledgerFindings: [
					{ rule: 'ledger_backfilled', at: AT },
					{ rule: 'ledger_batch_entered', at: AT }
				]
			},
			'ledger_trust'
		);
		expect(two).toMatchObject({
			points: 8,
			facts: { count: 2, backfilled: 1, batch: 1, identical: 0, latest: '2026-11-28' }
		});
		const many = Array.from({ length: 5 }, () => ({ rule: 'ledger_backfilled' as const, at: AT }));
		expect(factor({ ledgerFindings: many }, 'ledger_trust')?.points).toBe(S.ledgerTrust.cap);
	});

	it('risk - decay: a finding one half-life old counts exactly half', () => {
		expect(decay(0, 90)).toBe(1);
		expect(decay(-DAY, 90)).toBe(1);
		expect(decay(90 * DAY, 90)).toBe(0.5);
		expect(decay(180 * DAY, 90)).toBe(0.25);
		const old = factor(
			{ ledgerFindings: [{ rule: 'ledger_backfilled', at: AT - HALF_LIFE }] },
			'ledger_trust'
		);
		expect(old).toMatchObject({ points: S.ledgerTrust.perFinding / 2, facts: { effective: 0.5 } });
	});

	it('risk - expired and recalled lots sold, capped', () => {
		expect(factor({}, 'lots_sold')).toBeUndefined();
		const two = factor(
			{
				lotsSold: [
					{ at: AT, recalled: false },
					{ at: AT, recalled: true }
				]
			},
			'lots_sold'
		);
		expect(two).toMatchObject({ points: 25, facts: { count: 2, expired: 1, recalled: 1 } });
		expect(factor({ lotsSold: [{ at: AT, recalled: false }] }, 'lots_sold')?.points).toBe(10);
		const three = Array.from({ length: 3 }, () => ({ at: AT, recalled: true }));
		expect(factor({ lotsSold: three }, 'lots_sold')?.points).toBe(S.expiredLotSold.cap);
	});

	it('risk - complaints weigh by category, capped', () => {
		expect(factor({}, 'complaints')).toBeUndefined();
		const c = factor(
			{
				complaints: [
					{ at: AT, category: 'illness' },
					{ at: AT, category: 'price' }
				]
			},
			'complaints'
		);
		expect(c).toMatchObject({ points: 6.5, facts: { count: 2, illness: 1, latest: '2026-11-28' } });
		const many = Array.from({ length: 4 }, () => ({ at: AT, category: 'illness' as const }));
		expect(factor({ complaints: many }, 'complaints')?.points).toBe(S.complaints.cap);
	});

	it('risk - inspections: a pass adds nothing, rectify and fail do, critical findings more', () => {
		expect(
			factor({ inspections: [{ at: AT, result: 'pass', criticalFindings: 0 }] }, 'inspection')
		).toBeUndefined();
		const rectify = factor(
			{ inspections: [{ at: AT, result: 'rectify', criticalFindings: 1 }] },
			'inspection'
		);
		expect(rectify).toMatchObject({
			points: 9,
			facts: { count: 1, rectify: 1, fail: 0, criticalFindings: 1 }
		});
		const fail = factor(
			{ inspections: [{ at: AT, result: 'fail', criticalFindings: 2 }] },
			'inspection'
		);
		expect(fail?.points).toBe(S.inspection.cap);
	});

	it('risk - an inspection is remembered longer than daily findings: half at a year, gone after three', () => {
		const at = (days: number) => AT - days * DAY;
		const year = S.inspection.halfLifeDays;
		expect(
			factor(
				{ inspections: [{ at: at(year), result: 'rectify', criticalFindings: 0 }] },
				'inspection'
			)?.points
		).toBe(3);
		expect(
			factor(
				{
					inspections: [
						{ at: at(S.inspection.lookbackDays + 1), result: 'fail', criticalFindings: 2 }
					]
				},
				'inspection'
			)
		).toBeUndefined();
	});

	it('risk - device health: offline hours, capped', () => {
		expect(factor({ devices: { count: 3, offlineHours: 0 } }, 'device_health')).toBeUndefined();
		expect(factor({ devices: { count: 3, offlineHours: 30 } }, 'device_health')).toMatchObject({
			points: 3,
			facts: { devices: 3, offlineHours: 30 }
		});
		expect(factor({ devices: { count: 3, offlineHours: 500 } }, 'device_health')?.points).toBe(8);
	});

	it('risk - alerts: one factor per rule; open in full, closed a decaying share, dismissed none', () => {
		const three = [
			alert('morning_check_missing'),
			alert('morning_check_missing'),
			alert('morning_check_missing', 'acknowledged')
		];
		expect(factor({ alerts: three }, 'alert.morning_check_missing')).toMatchObject({
			points: 6,
			facts: { count: 3, open: 3, latest: '2026-11-27' }
		});
		expect(
			factor({ alerts: [alert('sample_missing', 'closed', AT)] }, 'alert.sample_missing')?.points
		).toBe(1);
		expect(
			factor(
				{ alerts: [alert('sample_missing', 'closed', AT - HALF_LIFE)] },
				'alert.sample_missing'
			)?.points
		).toBe(0.5);
		expect(score({ alerts: [alert('sample_missing', 'dismissed')] }).factors).toHaveLength(2);
	});

	it('risk - alerts another factor counts are not scored twice', () => {
		const r = score({
			alerts: [alert('licence_expired'), alert('expired_lot_sold'), alert('ledger_backfilled')]
		});
		expect(r.score).toBe(12);
	});

	it('risk - alerts are capped per rule and in total', () => {
		const crit = (rule: RiskInputs['alerts'][number]['rule']) =>
			alert(rule, 'open', AT, 'critical');
		expect(
			factor({ alerts: [crit('sample_missing'), crit('sample_missing')] }, 'alert.sample_missing')
				?.points
		).toBe(10);
		const rules = [
			'sample_missing',
			'disinfection_missing',
			'morning_check_missing',
			'disinfection_too_short'
		] as const;
		const r = score({ alerts: rules.flatMap((x) => [crit(x), crit(x)]) });
		const alertPoints = r.factors.filter((f) => f.id.startsWith('alert.')).map((f) => f.points);
		expect(alertPoints).toEqual([6.2, 6.2, 6.2, 6.2]);
		expect(alertPoints.reduce((a, b) => a + b)).toBeLessThanOrEqual(S.alerts.cap);
	});
});

describe('risk score - lookback', () => {
	it('risk - findings older than the lookback are forgotten, an alert still open is not', () => {
		const old = AT - (S.lookbackDays + 1) * DAY;
		const edge = AT - S.lookbackDays * DAY;
		const c = factor(
			{
				complaints: [
					{ at: old, category: 'illness' },
					{ at: edge, category: 'illness' }
				]
			},
			'complaints'
		);
		expect(c?.facts.count).toBe(1);
		expect(
			factor({ complaints: [{ at: old, category: 'illness' }] }, 'complaints')
		).toBeUndefined();
		const alerts = [alert('sample_missing', 'open', old), alert('sample_missing', 'closed', old)];
		expect(factor({ alerts }, 'alert.sample_missing')).toMatchObject({
			points: 2,
			facts: { count: 1, open: 1 }
		});
	});
});

describe('risk score - grades and results', () => {
	it('risk - band edges: a score on a threshold belongs to the lower-risk grade', () => {
		const grades = [0, 30, 30.1, 45, 45.1, 60, 60.1, 100].map((x) => gradeOf(x, S));
		expect(grades).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
		const custom = { bands: { aMax: 10, bMax: 20, cMax: 30 } };
		expect([10, 10.1, 20, 20.1, 30, 30.1].map((x) => gradeOf(x, custom))).toEqual([
			'A',
			'B',
			'B',
			'C',
			'C',
			'D'
		]);
	});

	it('risk - a score exactly on a band edge from real factors grades on the lower side', () => {
		// 12 static + three inspections passed with rectification (3 × 6) = 30, exactly on A.
		const r = score({
			inspections: [
				{ at: AT, result: 'rectify', criticalFindings: 0 },
				{ at: AT, result: 'rectify', criticalFindings: 0 },
				{ at: AT, result: 'rectify', criticalFindings: 0 }
			]
		});
		expect(r.score).toBe(30);
		expect(r.grade).toBe('A');
	});

	it('risk - the result carries the version of the settings that produced it', () => {
		expect(score({}, { ...S, version: 7 }).settingsVersion).toBe(7);
	});

	it('risk - a result passes its own schema (the boundary check); a forged one does not', () => {
		const r = score({ alerts: [alert('morning_check_missing')], licence: null });
		expect(riskResult.parse(r)).toEqual(r);
		const forged = { ...r, factors: [{ ...r.factors[0], id: 'alert.licence_expired' }] };
		expect(riskResult.safeParse(forged).success).toBe(false);
	});

	it('risk - the score is the sum of its factors, never above 100', () => {
		const worst = score({
			licence: null,
			ledgers: { kept: 0, owed: 90, days: 30 },
			lotsSold: [
				{ at: AT, recalled: true },
				{ at: AT, recalled: true }
			],
			inspections: [{ at: AT, result: 'fail', criticalFindings: 5 }]
		});
		expect(worst).toMatchObject({ score: 100, grade: 'D' });
		const some = score({
			ledgers: { kept: 45, owed: 60, days: 30 },
			devices: { count: 1, offlineHours: 30 }
		});
		expect(some.score).toBe(18.8);
		expect(some.factors.reduce((n, f) => n + f.points, 0)).toBeCloseTo(some.score, 9);
	});

	it('risk - what to fix: only what the merchant can act on, largest first', () => {
		const r = score({
			licence: { ...base.licence!, status: 'expiring' },
			ledgers: { kept: 30, owed: 60, days: 30 },
			complaints: [{ at: AT, category: 'hygiene' }]
		});
		expect(improvements(r).map((f) => [f.id, f.points])).toEqual([
			['ledger_completeness', 7.5],
			['complaints', 3],
			['licence.expiring', 2]
		]);
	});

	it('risk - scoring is deterministic and does not depend on the order of findings', () => {
		const alerts = [
			alert('sample_missing', 'closed', AT - 40 * DAY),
			alert('sample_missing', 'open', AT - 2 * DAY),
			alert('morning_check_missing')
		];
		const a = score({ alerts });
		expect(score({ alerts: [...alerts].reverse() })).toEqual(a);
		expect(score({ alerts })).toEqual(a);
	});
});
