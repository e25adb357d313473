import { describe, expect, it } from 'vitest';
import { buildVisits, criticalByPattern, DEFAULT_CRITICAL_PATTERN } from './history';
import { HISTORY_MODEL_WEIGHTS, historyModelScorer } from './history-model';
import { livesInspectionRow, livesViolationRow, parseLivesFile, toDay } from './lives';
import { replay } from './replay';
import { runBacktest } from './run';
import { pastFindingsScorer, randomScorer } from './scorers';

// Four businesses; the window is 2020-01-01 … 2020-01-04.
//   1: 2019-06-01 score 70 with two high-risk findings and a minor one; in the window on 01-02,
//      when a high-risk finding is made (critical; it must not count towards that morning).
//   2: 2019-06-01 score 85, one high-risk finding; 2019-12-01 a moderate-risk finding with no
//      scored inspection (history, not critical); in the window on 01-01, clean.
//   3: 2019-06-01 score 100, clean; in the window on 01-03 with a high-risk finding.
//   4: no history; in the window on 01-01 with a minor finding.
// pastFindings: 1→2, 2→1, 3→0, 4→0. Order: 1, 2, then the tie 4 (01-01) before 3 (01-03).
// Slots 01-01 01-01 01-02 01-03: 1→01-01, 2→01-01, 4→01-02, 3→01-03.
// Days earlier: business 1: 1, business 3: 0 → mean 0.5, median 0.5.
// First half is 01-01 and 01-02: business 1 (01-01) yes, 3 (01-03) no → 0.5.
// AUC: critical {1: 2, 3: 0} vs clean {2: 1, 4: 0}: 1 beats both (2), 3 loses to 2 and ties 4
//   (0.5) → 2.5 / 4 = 0.625. precision@10%: k = 1, business 1 is critical → 1.
const inspectionsCsv = [
	'"business_id","score","date","type"',
	'1,"70","20190601","routine"',
	'1,"88","20200102","routine"',
	'2,"85","20190601","routine"',
	'2,"96","20200101","routine"',
	'3,"100","20190601","routine"',
	'3,"80","20200103","routine"',
	'4,"90","20200101","routine"'
].join('\r\n');
const violationsCsv = [
	'"business_id","date","description"',
	'1,"20190601","High risk vermin infestation"',
	'1,"20190601","Other high risk violation  [ date violation corrected: 06/05/2019 ]"',
	'1,"20190601","Unclean or degraded floors walls or ceilings"',
	'1,"20200102","High risk food holding temperature"',
	'2,"20190601","High risk food holding temperature"',
	'2,"20191201","Moderate risk vermin infestation"',
	'3,"20200103","Other high risk violation"',
	'4,"20200101","Unclean or degraded floors walls or ceilings"'
].join('\r\n');
const inspections = parseLivesFile('inspections.csv', inspectionsCsv, livesInspectionRow);
const violations = parseLivesFile('violations.csv', violationsCsv, livesViolationRow);
const from = toDay('20200101') as number;
const to = toDay('20200104') as number;

describe('backtest replay', () => {
	it('backtest - a morning sees only earlier days, and findings without an inspection', () => {
		const visits = buildVisits(
			inspections,
			violations,
			criticalByPattern(DEFAULT_CRITICAL_PATTERN)
		);
		const scored = replay(visits, from, to, [pastFindingsScorer]);
		expect(scored.map((s) => [s.businessId, s.critical, s.scores.pastFindings])).toEqual([
			['2', false, 1],
			['4', false, 0],
			['1', true, 2],
			['3', true, 0]
		]);
		const moderate = replay(
			buildVisits(inspections, violations, criticalByPattern('moderate risk')),
			from,
			to,
			[pastFindingsScorer]
		);
		expect(moderate.map((s) => [s.businessId, s.critical, s.scores.pastFindings])).toEqual([
			['2', false, 1],
			['4', false, 0],
			['1', false, 0],
			['3', false, 0]
		]);
	});

	it('backtest - past-findings figures as hand-computed', () => {
		const r = runBacktest(inspections, violations, { from, to });
		expect(r.inspections).toBe(4);
		expect(r.critical).toBe(2);
		expect(r.firstTimeBusinesses).toBe(1);
		expect(r.metrics.pastFindings).toEqual({
			meanDaysEarlier: 0.5,
			medianDaysEarlier: 0.5,
			shareFirstHalf: 0.5,
			auc: 0.625,
			precisionAt10pct: 1
		});
	});

	it('backtest - the history model scores a newcomer and weighs decayed history', () => {
		const w = HISTORY_MODEL_WEIGHTS;
		const model = historyModelScorer();
		const visits = buildVisits(inspections, violations, criticalByPattern('high risk'));
		const scored = replay(visits, from, to, [model]);
		const of = (id: string) => scored.find((s) => s.businessId === id)?.scores.model;
		expect(of('4')).toBe(w.noHistory);
		// Business 1 on 2020-01-02: 215 days after 2019-06-01, two critical, one minor, score 70.
		const decay = Math.pow(0.5, 215 / w.halfLifeDays);
		expect(of('1')).toBeCloseTo(
			decay * (2 * w.criticalFinding + w.otherFinding) +
				w.lastScoreDeficit * 30 +
				(w.yearsSinceLastVisit * 215) / 365,
			12
		);
	});

	it('backtest - random order is reproducible by seed and differs between seeds', () => {
		const a = randomScorer(1);
		expect(a.score('1', [], 100)).toBe(randomScorer(1).score('1', [], 100));
		expect(a.score('1', [], 100)).not.toBe(randomScorer(2).score('1', [], 100));
		expect(a.score('1', [], 100)).toBeGreaterThanOrEqual(0);
		expect(a.score('1', [], 100)).toBeLessThan(1);
	});

	it('backtest - a window without inspections is refused', () => {
		expect(() =>
			runBacktest(inspections, violations, { from: toDay('20210101')!, to: toDay('20210131')! })
		).toThrow('no inspections in the test window');
	});
});
