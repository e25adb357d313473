import { describe, expect, it } from 'vitest';
import { isPeriodOf, nextPeriod, periodOf, planTasks, type PlanCandidate } from './plans';
import { drawTaskId, followUpTaskId, planTaskId } from './task-ids';

const shop = (
	merchantId: string,
	grade: PlanCandidate['grade'],
	businessType = 'restaurant',
	status = 'operating'
): PlanCandidate => ({ merchantId, districtId: '370102', grade, businessType, status });
const shops = [
	shop('m-d1', 'D'),
	shop('m-d2', 'D', 'restaurant', 'closed'),
	shop('m-c1', 'C'),
	shop('m-a1', 'A', 'school_canteen'),
	shop('m-d3', 'D', 'school_canteen')
];

describe('inspection plans', () => {
	it('tasks - grade D monthly: operating D merchants, due at the end of the month (Shanghai)', () => {
		const tasks = planTasks('grade_d_monthly', '2026-02', shops);
		expect(tasks.map((t) => t.merchantId)).toEqual(['m-d1', 'm-d3']);
		expect(tasks[0]?.dueAt).toBe('2026-02-28T15:59:00.000Z');
		expect(tasks[0]?.runId).toBe('grade_d_monthly-2026-02');
		expect(tasks[0]?.taskId).toBe(planTaskId('grade_d_monthly', '2026-02', 'm-d1'));
	});

	it('tasks - grade C quarterly, due at the end of the quarter', () => {
		const tasks = planTasks('grade_c_quarterly', '2026-Q4', shops);
		expect(tasks.map((t) => t.merchantId)).toEqual(['m-c1']);
		expect(tasks[0]?.dueAt).toBe('2026-12-31T15:59:00.000Z');
	});

	it('tasks - school canteens whatever their grade, due the day before term starts (a setting)', () => {
		const tasks = planTasks('school_term', '2027-spring', shops);
		expect(tasks.map((t) => t.merchantId)).toEqual(['m-a1', 'm-d3']);
		expect(tasks[0]?.dueAt).toBe('2027-02-28T15:59:00.000Z');
		const later = planTasks('school_term', '2027-autumn', shops, {
			termStarts: { spring: '02-20', autumn: '09-05' }
		});
		expect(later[0]?.dueAt).toBe('2027-09-04T15:59:00.000Z');
	});

	it('tasks - a plan run twice names the same tasks; another period other tasks', () => {
		const one = planTasks('grade_d_monthly', '2026-12', shops);
		expect(planTasks('grade_d_monthly', '2026-12', [...shops].reverse())).toEqual(one);
		const next = planTasks('grade_d_monthly', '2027-01', shops);
		expect(next.map((t) => t.taskId)).not.toEqual(one.map((t) => t.taskId));
	});

	it('tasks - periods: of a day, the next one, and their shapes', () => {
		expect(periodOf('grade_d_monthly', '2026-12-15')).toBe('2026-12');
		expect(periodOf('grade_c_quarterly', '2026-11-28')).toBe('2026-Q4');
		expect(periodOf('school_term', '2026-11-28')).toBe('2027-spring');
		expect(periodOf('school_term', '2026-03-01')).toBe('2026-autumn');
		expect(nextPeriod('grade_d_monthly', '2026-12')).toBe('2027-01');
		expect(nextPeriod('grade_c_quarterly', '2026-Q4')).toBe('2027-Q1');
		expect(nextPeriod('school_term', '2027-spring')).toBe('2027-autumn');
		expect(isPeriodOf('grade_d_monthly', '2026-13')).toBe(false);
		expect(() => planTasks('grade_c_quarterly', '2026-12', shops)).toThrow(/not a period/);
	});

	it('tasks - ids are fixed by origin and fit an entity id', () => {
		expect(drawTaskId('draw-1', 'm-1')).toBe(drawTaskId('draw-1', 'm-1'));
		expect(drawTaskId('draw-1', 'm-1')).not.toBe(drawTaskId('draw-2', 'm-1'));
		expect(followUpTaskId('i-1')).toMatch(/^f-[0-9a-f]{16}$/);
	});
});
