import type { RiskGrade } from '$lib/domain/risk';

/** One colour per risk grade, shared by the map's points, the grade mix and the lists. */
export const gradeColor: Record<RiskGrade, [number, number, number]> = {
	A: [34, 197, 94],
	B: [56, 189, 248],
	C: [245, 158, 11],
	D: [239, 68, 68]
};

export function gradeCss(grade: RiskGrade, alpha = 1): string {
	const [r, g, b] = gradeColor[grade];
	return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
