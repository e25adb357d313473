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

/**
 * At city zoom 100,000 shops make a carpet: the low-risk ones are drawn smaller and fainter so
 * that C and D stand out of it, as a duty officer looks for them first. Indexed by grade code.
 */
const alphaByCode = [150, 140, 165, 235, 255];
export const radiusByCode = [1.6, 1.6, 1.8, 2.6, 3.2];

export function gradeCode(grade: RiskGrade | null): GradeCode {
	return grade === null ? UNGRADED : ((riskGrades.indexOf(grade) + 1) as GradeCode);
}

export function gradeOfCode(code: number): RiskGrade | null {
	return riskGrades[code - 1] ?? null;
}

/** Writes point `i`'s RGBA (4 bytes a point) and its radius in pixels for grade `code`. */
export function paintPoint(colors: Uint8Array, radii: Float32Array, i: number, code: number): void {
	const [r, g, b] = byCode[code] ?? ungradedColor;
	const o = i * 4;
	colors[o] = r;
	colors[o + 1] = g;
	colors[o + 2] = b;
	colors[o + 3] = alphaByCode[code] ?? 255;
	radii[i] = radiusByCode[code] ?? 2;
}

export function rgbCss([r, g, b]: Rgb, alpha = 1): string {
	return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

export function gradeCss(grade: RiskGrade, alpha = 1): string {
	const [r, g, b] = gradeColor[grade];
	return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
