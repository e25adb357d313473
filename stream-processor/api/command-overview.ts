import { mayRead, type ReadScope } from '../../src/lib/domain/auth/policy';
import { isPending, type Task } from '../../src/lib/domain/tasks/task';
import {
	commandOverview,
	type CommandOverview,
	type DistrictStat,
	type TopRiskItem,
	type WallTask
} from '../../src/lib/domain/command/overview';
import { keptAndOwed, shareOf, sumDays } from '../../src/lib/domain/command/ledger-shares';
import { emptyGradeCounts } from '../../src/lib/domain/risk/risk-settings';
import type { RiskGrade } from '../../src/lib/domain/risk';
import type { RiskResult } from '../../src/lib/domain/risk/risk-score';
import { daysEnding } from '../../src/lib/domain/ledgers/completeness';
import { localDay } from '../../src/lib/domain/time';
import type { MerchantRecord } from '../state/merchant-state';
import { licenceOf } from '../risk/inputs';
import type { CommandQueries } from './command.queries';
import type { LedgerQueries } from './ledger.queries';

const TREND_DAYS = 14;
const TOP_RISK = 10;
const TASK_ITEMS = 12;

export interface OverviewDeps {
	queries: CommandQueries & LedgerQueries;
	merchants: () => Iterable<MerchantRecord>;
	merchant: (id: string) => MerchantRecord | undefined;
	current: (merchantId: string) => { score: number; grade: RiskGrade } | undefined;
	score: (m: MerchantRecord, now: number) => RiskResult;
	tasks: () => Iterable<Task>;
	timeZone: string;
}

/**
 * The wall's overview for a scope (or one district of it): the processor's memory for what it
 * keeps (merchants, licences, grades, active alerts, tasks), the store for the rest, at once.
 */
export async function commandOverviewOf(
	deps: OverviewDeps,
	scope: ReadScope,
	district: string | undefined,
	now = Date.now()
): Promise<CommandOverview> {
	const day = localDay(now, deps.timeZone);
	const days = daysEnding(day, TREND_DAYS);
	const from = days[0] ?? day;
	const inView = (m: { districtId: string; id: string }) =>
		(!district || m.districtId === district) && mayRead(scope, { ...m, merchantId: m.id });
	// What memory holds is counted here; the store is asked only for the rest (six queries).
	const [ledger, alertDays, inspections, complaints, minutes] = await Promise.all([
		deps.queries.completeness({ from, to: day, district }, scope),
		deps.queries.alertDays(scope, district, from),
		deps.queries.inspectionsOn(scope, district, day),
		deps.queries.complaintsOn(scope, district, day),
		deps.queries.minutes(scope, district, now - 60 * 60_000)
	]);

	const stats = new Map<string, DistrictStat>();
	const ranked: { m: MerchantRecord; score: number; grade: RiskGrade }[] = [];
	let merchants = 0;
	let licencesValid = 0;
	let overdueAlerts = 0;
	const openAlerts: Record<string, number> = {};
	for (const m of deps.merchants()) {
		if (!m.registered || m.status === 'closed' || !inView(m)) continue;
		merchants++;
		const status = licenceOf(m, day)?.status;
		if (status === 'valid' || status === 'expiring') licencesValid++;
		let s = stats.get(m.districtId);
		if (!s) {
			const fresh = {
				merchants: 0,
				openAlerts: 0,
				ledgerCompleteness: null,
				grades: emptyGradeCounts()
			};
			stats.set(m.districtId, (s = { id: m.districtId, ...fresh }));
		}
		s.merchants++;
		s.openAlerts += m.alerts.size;
		for (const a of m.alerts.values()) {
			openAlerts[a.severity] = (openAlerts[a.severity] ?? 0) + 1;
			if (a.slaDueAt && Date.parse(a.slaDueAt) < now) overdueAlerts++;
		}
		const current = deps.current(m.id);
		if (current) {
			s.grades[current.grade]++;
			ranked.push({ m, ...current });
		}
	}
	const ledgerByDistrict = keptAndOwed(ledger, days);
	for (const [id, perDay] of ledgerByDistrict) {
		const s = stats.get(id);
		const today = perDay[perDay.length - 1];
		if (s && today) s.ledgerCompleteness = shareOf(today);
	}
	const ledgerDays = sumDays(ledgerByDistrict.values(), days.length);

	ranked.sort((a, b) => b.score - a.score || (a.m.id < b.m.id ? -1 : 1));
	const topRisk = ranked.slice(0, TOP_RISK).map(({ m, score, grade }): TopRiskItem => {
		const factors = deps
			.score(m, now)
			.factors.filter((f) => f.points > 0)
			.sort((a, b) => b.points - a.points)
			.slice(0, 3)
			.map((f) => ({ id: f.id, points: f.points, facts: f.facts }));
		return {
			merchantId: m.id,
			name: m.name,
			districtId: m.districtId,
			businessType: m.businessType,
			score,
			grade,
			factors
		};
	});

	const raised = new Map(alertDays.map((r) => [r.day, r.raised]));
	const closed = new Map(alertDays.map((r) => [r.day, r.closed]));

	const byMinute = new Map<number, Record<string, number>>();
	for (const r of minutes) {
		const families = byMinute.get(Number(r.minute)) ?? {};
		families[r.family] = (families[r.family] ?? 0) + Number(r.n);
		byMinute.set(Number(r.minute), families);
	}

	return commandOverview.parse({
		at: now,
		day,
		kpis: {
			merchants,
			licencesValid,
			licencesValidShare: merchants > 0 ? licencesValid / merchants : null,
			ledgerToday: shareOf(ledgerDays[ledgerDays.length - 1] ?? { kept: 0, owed: 0 }),
			openAlerts,
			overdueAlerts,
			alertsRaisedToday: raised.get(day) ?? 0,
			alertsClosedToday: closed.get(day) ?? 0,
			inspectionsToday: inspections.n,
			inspectionsFailedToday: inspections.failed,
			complaintsToday: complaints
		},
		districts: [...stats.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
		topRisk,
		days: days.map((d, i) => ({
			day: d,
			ledger: shareOf(ledgerDays[i] ?? { kept: 0, owed: 0 }),
			opened: raised.get(d) ?? 0,
			closed: closed.get(d) ?? 0
		})),
		minutes: [...byMinute.entries()].sort((a, b) => a[0] - b[0]).slice(-120),
		tasks: wallTasks(deps, scope, district, now)
	});
}

/** Pending tasks of the view: in progress first, then overdue, then the soonest due. */
function wallTasks(
	deps: OverviewDeps,
	scope: ReadScope,
	district: string | undefined,
	now: number
): CommandOverview['tasks'] {
	const pending: Task[] = [];
	for (const t of deps.tasks()) {
		if (!isPending(t.status) || !mayRead(scope, t)) continue;
		if (district && t.districtId !== district) continue;
		pending.push(t);
	}
	const overdue = (t: Task) => Date.parse(t.dueAt) < now;
	const rank = (t: Task) => (t.status === 'in_progress' ? 0 : overdue(t) ? 1 : 2);
	pending.sort((a, b) => rank(a) - rank(b) || (a.dueAt < b.dueAt ? -1 : 1));
	const items = pending.slice(0, TASK_ITEMS).map((t): WallTask => ({
		id: t.id,
		merchantId: t.merchantId,
		merchantName: deps.merchant(t.merchantId)?.name || t.merchantId,
		districtId: t.districtId,
		kind: t.kind,
		status: t.status,
		dueAt: t.dueAt,
		overdue: overdue(t)
	}));
	return {
		inProgress: pending.filter((t) => t.status === 'in_progress').length,
		open: pending.filter((t) => t.status === 'open').length,
		overdue: pending.filter(overdue).length,
		items
	};
}

/**
 * Walls ask often (every few seconds each, sooner while events flow): one answer per scope and
 * district is shared for `ms`, and one still being computed is awaited, not started again.
 */
export const OVERVIEW_REUSE_MS = 2_000;

export function sharedFor<T>(
	ms: number,
	compute: (scope: ReadScope, district: string | undefined) => Promise<T>
): (scope: ReadScope, district: string | undefined) => Promise<T> {
	const recent = new Map<string, { at: number; answer: Promise<T> }>();
	return (scope, district) => {
		const key = JSON.stringify([scope, district ?? null]);
		const now = Date.now();
		const hit = recent.get(key);
		if (hit && now - hit.at < ms) return hit.answer;
		for (const [k, v] of recent) if (now - v.at >= ms) recent.delete(k);
		const answer = compute(scope, district);
		recent.set(key, { at: now, answer });
		answer.catch(() => recent.delete(key));
		return answer;
	};
}
