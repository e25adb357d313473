import type { RiskGrade } from '$lib/domain/risk';

/** A grade's colour on the dark wall (the badge's text colours, bright enough for a line). */
export const gradeColor: Record<RiskGrade, string> = {
	A: '#4ade80',
	B: '#60a5fa',
	C: '#fbbf24',
	D: '#f87171'
};
