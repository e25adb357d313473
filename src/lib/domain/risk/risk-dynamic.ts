import type { RiskInputs } from './risk-inputs';
import type { RiskSettings } from './risk-settings';
import {
	capped,
	dayOf,
	decay,
	decayed,
	round1,
	scoredAlertRules,
	type RiskFactor,
	type ScoredAlertRule
} from './risk-factors';

/*
 * The dynamic part: how the merchant behaves. Findings count less as they age (the settings'
 * half-life), each factor is capped so that one source cannot dominate, and a factor that
 * adds no points is left out of the breakdown.
 */

interface Clock {
	at: number;
	timeZone: string;
}

export function dynamicFactors(all: RiskInputs, s: RiskSettings, clock: Clock): RiskFactor[] {
	const i = {
		...withinLookback(all, clock.at - s.lookbackDays * DAY_MS),
		inspections: all.inspections.filter(
			(x) => x.at >= clock.at - s.inspection.lookbackDays * DAY_MS
		)
	};
	return [
		ledgerCompleteness(i, s),
		ledgerTrust(i, s, clock),
		lotsSold(i, s, clock),
		complaints(i, s, clock),
		inspection(i, s, clock),
		deviceHealth(i, s),
		...alerts(i, s, clock)
	].filter((f) => f.points > 0);
}

const DAY_MS = 86_400_000;

/** Findings since `since`; an alert still open counts however old it is (it is still a lapse). */
function withinLookback(i: RiskInputs, since: number): RiskInputs {
	const recent = <T extends { at: number }>(xs: readonly T[]) => xs.filter((x) => x.at >= since);
	return {
		...i,
		ledgerFindings: recent(i.ledgerFindings),
		lotsSold: recent(i.lotsSold),
		complaints: recent(i.complaints),
		inspections: recent(i.inspections),
		alerts: i.alerts.filter(
			(a) => a.raisedAt >= since || a.status === 'open' || a.status === 'acknowledged'
		)
	};
}

/** The share of owed daily books not kept over the window (owing nothing is not a gap). */
function ledgerCompleteness(i: RiskInputs, s: RiskSettings): RiskFactor {
	const { kept, owed, days } = i.ledgers;
	const missed = Math.max(0, owed - Math.min(kept, owed));
	const raw = owed > 0 ? (s.ledgerCompleteness.points * missed) / owed : 0;
	const percent = owed > 0 ? round1((100 * (owed - missed)) / owed) : 100;
	return capped('ledger_completeness', raw, s.ledgerCompleteness.cap, {
		kept,
		owed,
		missed,
		percent,
		days
	});
}

function ledgerTrust(i: RiskInputs, s: RiskSettings, c: Clock): RiskFactor {
	const f = i.ledgerFindings;
	const { sum, latest } = decayed(
		f,
		c.at,
		s.halfLifeDays,
		(x) => x.at,
		() => 1
	);
	const count = (rule: string) => f.filter((x) => x.rule === rule).length;
	return capped('ledger_trust', sum * s.ledgerTrust.perFinding, s.ledgerTrust.cap, {
		count: f.length,
		backfilled: count('ledger_backfilled'),
		batch: count('ledger_batch_entered'),
		identical: count('ledger_identical_temperatures'),
		effective: round1(sum),
		latest: dayOf(latest, c.timeZone)
	});
}

/** Expired or recalled lots sold: the most direct harm a shop can do, weighed per sale. */
function lotsSold(i: RiskInputs, s: RiskSettings, c: Clock): RiskFactor {
	const w = s.expiredLotSold;
	const { sum, latest } = decayed(
		i.lotsSold,
		c.at,
		s.halfLifeDays,
		(x) => x.at,
		(x) => (x.recalled ? w.perRecalledSale : w.perSale)
	);
	const recalled = i.lotsSold.filter((x) => x.recalled).length;
	return capped('lots_sold', sum, w.cap, {
		count: i.lotsSold.length,
		expired: i.lotsSold.length - recalled,
		recalled,
		latest: dayOf(latest, c.timeZone)
	});
}

function complaints(i: RiskInputs, s: RiskSettings, c: Clock): RiskFactor {
	const w = s.complaints.perCategory;
	const { sum, latest } = decayed(
		i.complaints,
		c.at,
		s.halfLifeDays,
		(x) => x.at,
		(x) => w[x.category]
	);
	return capped('complaints', sum, s.complaints.cap, {
		count: i.complaints.length,
		illness: i.complaints.filter((x) => x.category === 'illness').length,
		latest: dayOf(latest, c.timeZone)
	});
}

/** Inspection results: 基本合格 and 不合格 add points, each critical finding more; 合格 adds none. */
function inspection(i: RiskInputs, s: RiskSettings, c: Clock): RiskFactor {
	const w = s.inspection;
	const { sum, latest } = decayed(
		i.inspections,
		c.at,
		w.halfLifeDays,
		(x) => x.at,
		(x) => w.perResult[x.result] + w.perCriticalFinding * x.criticalFindings
	);
	const count = (r: string) => i.inspections.filter((x) => x.result === r).length;
	return capped('inspection', sum, w.cap, {
		count: i.inspections.length,
		fail: count('fail'),
		rectify: count('rectify'),
		criticalFindings: i.inspections.reduce((n, x) => n + x.criticalFindings, 0),
		latest: dayOf(latest, c.timeZone)
	});
}

/** A silent camera or fridge sensor is a blind spot for the regulator. */
function deviceHealth(i: RiskInputs, s: RiskSettings): RiskFactor {
	const { count, offlineHours } = i.devices;
	return capped('device_health', offlineHours * s.deviceHealth.perOfflineHour, s.deviceHealth.cap, {
		devices: count,
		offlineHours: round1(offlineHours)
	});
}

/**
 * One factor per alert rule ("3 missed morning checks"): open alerts weigh their severity in
 * full, closed ones a share that decays from when they were raised, dismissed ones nothing.
 * Each rule is capped, then all rules together; over the total cap each is scaled down
 * alike (rounded down, so the sum never exceeds the cap).
 */
function alerts(i: RiskInputs, s: RiskSettings, c: Clock): RiskFactor[] {
	const w = s.alerts;
	const byRule = new Map<string, { count: number; open: number; raw: number; latest: number }>();
	for (const a of i.alerts) {
		if (a.status === 'dismissed') continue;
		let r = byRule.get(a.rule);
		if (!r) byRule.set(a.rule, (r = { count: 0, open: 0, raw: 0, latest: -Infinity }));
		const isOpen = a.status === 'open' || a.status === 'acknowledged';
		r.count++;
		if (isOpen) r.open++;
		const age = c.at - a.raisedAt;
		r.raw += w.perSeverity[a.severity] * (isOpen ? 1 : w.closedShare * decay(age, s.halfLifeDays));
		if (a.raisedAt > r.latest) r.latest = a.raisedAt;
	}
	const factors: RiskFactor[] = [];
	for (const rule of scoredAlertRules) {
		const r = byRule.get(rule);
		if (!r) continue;
		factors.push(
			capped(`alert.${rule satisfies ScoredAlertRule}`, r.raw, w.capPerRule, {
				count: r.count,
				open: r.open,
				latest: dayOf(r.latest, c.timeZone)
			})
		);
	}
	const total = factors.reduce((n, f) => n + f.points, 0);
	if (total > w.cap) {
		for (const f of factors) f.points = Math.floor((f.points * w.cap * 10) / total) / 10;
	}
	return factors;
}
