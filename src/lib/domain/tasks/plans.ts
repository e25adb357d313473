import { z } from 'zod';
import type { Grade } from './random-draw';
import type { BusinessType } from '../events/merchant';
import { instantOfLocal, DEFAULT_TIME_ZONE } from '../time';
import { planTaskId } from './task-ids';

/**
 * Inspection plans (检查计划): which merchants are due a routine visit in a period. Grade D every
 * month and grade C every quarter (the frequencies the risk grades imply), and every school
 * canteen before each term starts (开学前). Pure: the caller brings the merchants and grades.
 */
export const planId = z.enum(['grade_d_monthly', 'grade_c_quarterly', 'school_term']);
export type PlanId = z.infer<typeof planId>;

/** Term starts as MM-DD (a setting: provinces set their own school calendars). */
export interface PlanSettings {
	termStarts: { spring: string; autumn: string };
}
export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
	termStarts: { spring: '03-01', autumn: '09-01' }
};

export interface PlanCandidate {
	merchantId: string;
	districtId: string;
	grade: Grade;
	businessType: string;
	status: string;
}

export interface PlannedTask {
	taskId: string;
	/** The plan's run: plan and period, e.g. `grade_d_monthly-2026-12` (the task's planId). */
	runId: string;
	merchantId: string;
	districtId: string;
	grade: Grade;
	dueAt: string;
}

export class PlanError extends Error {
	override name = 'PlanError';
}

const periodShapes: Record<PlanId, RegExp> = {
	grade_d_monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
	grade_c_quarterly: /^(\d{4})-Q([1-4])$/,
	school_term: /^(\d{4})-(spring|autumn)$/
};

/** Whether `period` is a period of this plan (2026-12; 2026-Q4; 2027-spring). */
export function isPeriodOf(plan: PlanId, period: string): boolean {
	return periodShapes[plan].test(period);
}

/** The plan's period that holds a day (YYYY-MM-DD); for terms, the next term to start after it. */
export function periodOf(plan: PlanId, day: string, settings = DEFAULT_PLAN_SETTINGS): string {
	const year = Number(day.slice(0, 4));
	const month = Number(day.slice(5, 7));
	if (plan === 'grade_d_monthly') return day.slice(0, 7);
	if (plan === 'grade_c_quarterly') return `${year}-Q${Math.ceil(month / 3)}`;
	const md = day.slice(5);
	if (md < settings.termStarts.spring) return `${year}-spring`;
	if (md < settings.termStarts.autumn) return `${year}-autumn`;
	return `${year + 1}-spring`;
}

/** The period after this one. */
export function nextPeriod(plan: PlanId, period: string): string {
	const m = periodShapes[plan].exec(period);
	if (!m) throw new PlanError(`not a period of ${plan}: ${period}`);
	const year = Number(m[1]);
	if (plan === 'grade_d_monthly') {
		const month = Number(m[2]);
		return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
	}
	if (plan === 'grade_c_quarterly') {
		const q = Number(m[2]);
		return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
	}
	return m[2] === 'spring' ? `${year}-autumn` : `${year + 1}-spring`;
}

/** The last day of the period (YYYY-MM-DD): a task is due by its end (23:59 local). */
function lastDay(plan: PlanId, period: string, settings: PlanSettings): string {
	const m = periodShapes[plan].exec(period);
	if (!m) throw new PlanError(`not a period of ${plan}: ${period}`);
	const year = Number(m[1]);
	const endOfMonth = (y: number, month: number) => {
		const d = new Date(Date.UTC(y, month, 0)).getUTCDate();
		return `${y}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
	};
	if (plan === 'grade_d_monthly') return endOfMonth(year, Number(m[2]));
	if (plan === 'grade_c_quarterly') return endOfMonth(year, Number(m[2]) * 3);
	// The day before term starts: the canteen is checked before the children come back.
	const start = Date.parse(`${year}-${settings.termStarts[m[2] as 'spring' | 'autumn']}T00:00:00Z`);
	return new Date(start - 86_400_000).toISOString().slice(0, 10);
}

function selects(plan: PlanId, c: PlanCandidate): boolean {
	if (c.status !== 'operating') return false;
	if (plan === 'grade_d_monthly') return c.grade === 'D';
	if (plan === 'grade_c_quarterly') return c.grade === 'C';
	return c.businessType === ('school_canteen' satisfies BusinessType);
}

/**
 * The tasks a plan calls for in a period: one per selected merchant, due at the end of the
 * period on the district's clock, with an id fixed by plan, period and merchant (running the
 * plan twice makes the same tasks, which the processor takes once).
 */
export function planTasks(
	plan: PlanId,
	period: string,
	candidates: readonly PlanCandidate[],
	settings: PlanSettings = DEFAULT_PLAN_SETTINGS,
	timeZone = DEFAULT_TIME_ZONE
): PlannedTask[] {
	const due = instantOfLocal(`${lastDay(plan, period, settings)}T23:59`, timeZone);
	if (due === null) throw new PlanError(`no due time for ${plan} ${period}`);
	const dueAt = new Date(due).toISOString();
	const runId = `${plan}-${period}`;
	return candidates
		.filter((c) => selects(plan, c))
		.sort((a, b) => (a.merchantId < b.merchantId ? -1 : a.merchantId > b.merchantId ? 1 : 0))
		.map((c) => ({
			taskId: planTaskId(plan, period, c.merchantId),
			runId,
			merchantId: c.merchantId,
			districtId: c.districtId,
			grade: c.grade,
			dueAt
		}));
}
