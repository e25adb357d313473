import { z } from 'zod';
import { parseCsv } from '../registry/import/csv';

/**
 * LIVES 1.0 rows (the open format cities publish restaurant inspections in). Every value
 * arrives as CSV text, so each schema takes strings and casts them; header names are matched
 * case-insensitively because feeds differ (San Francisco's legend.csv is capitalised).
 */

/** Days since 1970-01-01 (UTC) of a LIVES `YYYYMMDD` date; days make the metrics plain sums. */
export type Day = number;

const livesDate = z
	.string()
	.trim()
	.refine((s) => toDay(s) !== undefined, { message: 'is not a YYYYMMDD date' })
	.transform((s) => toDay(s) as Day);

const businessId = z.string().trim().min(1, { message: 'is empty' });

export const livesBusinessRow = z.object({
	business_id: businessId,
	name: z.string().trim().min(1, { message: 'is empty' })
});
export type LivesBusiness = z.infer<typeof livesBusinessRow>;

export const livesInspectionRow = z.object({
	business_id: businessId,
	// LIVES allows a blank score (an inspection that was not scored).
	score: z
		.string()
		.trim()
		.transform((s) => (s === '' ? null : Number(s)))
		.refine((n) => n === null || (Number.isInteger(n) && n >= 0 && n <= 100), {
			message: 'is not a score from 0 to 100'
		}),
	date: livesDate,
	type: z
		.string()
		.trim()
		.toLowerCase()
		.optional()
		.transform((s) => s ?? '')
});
export type LivesInspection = z.infer<typeof livesInspectionRow>;

export const livesViolationRow = z.object({
	business_id: businessId,
	date: livesDate,
	code: z
		.string()
		.trim()
		.optional()
		.transform((s) => s ?? ''),
	description: z
		.string()
		.trim()
		.optional()
		.transform((s) => s ?? '')
});
export type LivesViolation = z.infer<typeof livesViolationRow>;

export class LivesError extends Error {
	override name = 'LivesError';
}

/**
 * Parses one LIVES file. Row numbers in errors count lines as a spreadsheet shows them (the
 * header is row 1), so a clerk can find the bad line.
 */
export function parseLivesFile<T>(file: string, text: string, schema: z.ZodType<T>): T[] {
	let rows: string[][];
	try {
		rows = parseCsv(text);
	} catch (e) {
		throw new LivesError(`${file}: ${(e as Error).message}`, { cause: e });
	}
	const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
	if (header.length === 0) throw new LivesError(`${file}: the file is empty`);
	const out: T[] = [];
	for (let r = 1; r < rows.length; r++) {
		const fields = rows[r] as string[];
		if (fields.length === 1 && fields[0] === '') continue;
		const record: Record<string, string> = {};
		header.forEach((h, i) => {
			const v = fields[i];
			if (v !== undefined) record[h] = v;
		});
		const parsed = schema.safeParse(record);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			const column = issue?.path.join('.') || '?';
			const shown = record[column] === undefined ? 'missing' : JSON.stringify(record[column]);
			throw new LivesError(`${file} row ${r + 1}: ${column} ${shown} ${issue?.message ?? ''}`);
		}
		out.push(parsed.data);
	}
	return out;
}

export function toDay(yyyymmdd: string): Day | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
	if (!m) return undefined;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const ms = Date.UTC(y, mo - 1, d);
	const back = new Date(ms);
	if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
		return undefined;
	}
	return ms / 86_400_000;
}

export function dayToIso(day: Day): string {
	return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
