import { riskGrades, type RiskGrade } from '$lib/domain/risk/risk-settings';

export type Rgb = [number, number, number];

/** Grade codes in the map's typed arrays: 0 is "not graded yet", then A–D as 1–4. */
export const UNGRADED = 0;
export type GradeCode = 0 | 1 | 2 | 3 | 4;

/**
 * Read from across a room: green, cyan, amber, red. Cyan rather than blue for B, which stays
 * visible on the dark navy map; grey for merchants not scored yet.
 */
export const gradeColor: Record<RiskGrade, Rgb> = {
	A: [34, 197, 94],
	B: [34, 211, 238],
	C: [245, 158, 11],
	D: [239, 68, 68]
};
export const ungradedColor: Rgb = [100, 116, 139];

/** Indexed by grade code. */
const byCode: Rgb[] = [ungradedColor, ...riskGrades.map((g) => gradeColor[g])];

/** Points are a little transparent: where shops crowd, the mix of colours shows through. */
export const POINT_ALPHA = 210;

export function gradeCode(grade: RiskGrade | null): GradeCode {
	return grade === null ? UNGRADED : ((riskGrades.indexOf(grade) + 1) as GradeCode);
}

export function gradeOfCode(code: number): RiskGrade | null {
	return riskGrades[code - 1] ?? null;
}

/** Writes point `i`'s RGBA into a 4-bytes-per-point colour array. */
export function paintPoint(colors: Uint8Array, i: number, code: number, alpha = POINT_ALPHA): void {
	const [r, g, b] = byCode[code] ?? ungradedColor;
	const o = i * 4;
	colors[o] = r;
	colors[o + 1] = g;
	colors[o + 2] = b;
	colors[o + 3] = alpha;
}

export function rgbCss([r, g, b]: Rgb, alpha = 1): string {
	return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
