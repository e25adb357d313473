import { columnOf, columns, type ImportKind } from './columns';
import {
	readLicenceRow,
	readMerchantRow,
	readStaffRow,
	type LicenceDraft,
	type MerchantDraft,
	type RowInput,
	type StaffDraft
} from './rows';
import { isEmpty, textOf, type Cell } from './values';

/** At most this many data rows in one file: a district's registry, not a city's dump. */
export const MAX_ROWS = 20_000;

/** One sheet (or CSV file) as read: the header row is row 1, data rows keep their numbers. */
export interface SheetInput {
	kind: ImportKind;
	/** The sheet's name as in the file (or the CSV's file name): errors name it. */
	sheet: string;
	headers: Cell[];
	rows: { row: number; cells: Cell[] }[];
}

/** One problem, as the clerk finds it in the file. */
export interface ImportError {
	sheet: string;
	/** Row number as the spreadsheet shows it (the header is row 1). */
	row: number;
	/** The column's header text as in the file. */
	column: string;
	reason: string;
}

export interface ReadSheets {
	merchants: (MerchantDraft & { sheet: string })[];
	licences: (LicenceDraft & { sheet: string })[];
	staff: (StaffDraft & { sheet: string })[];
	/** Rows that name a merchant by credit code (valid or not): licence rows of them need no lookup. */
	merchantRows: Map<string, number>;
	/** Per sheet, each column key's header text as in the file (for cross-row errors). */
	headers: Map<string, Record<string, string>>;
	errors: ImportError[];
}

/** Maps the header row to column keys; a missing or doubled required column is an error. */
function mapHeaders(s: SheetInput, errors: ImportError[]) {
	const index = new Map<string, number>();
	const headers: Record<string, string> = {};
	s.headers.forEach((cell, i) => {
		const text = textOf(cell);
		const c = columnOf(s.kind, text);
		if (!c) return;
		if (index.has(c.key)) {
			errors.push({
				sheet: s.sheet,
				row: 1,
				column: text,
				reason: `与另一列“${headers[c.key]}”重复`
			});
			return;
		}
		index.set(c.key, i);
		headers[c.key] = text;
	});
	let complete = true;
	for (const c of columns[s.kind]) {
		headers[c.key] ??= c.zh;
		if (c.required && !index.has(c.key)) {
			complete = false;
			errors.push({
				sheet: s.sheet,
				row: 1,
				column: c.zh,
				reason: `缺少必填列“${c.zh}”（英文表头 ${c.en} 也可），请使用导入模板`
			});
		}
	}
	return { index, headers, complete };
}

/** Reads every row of every sheet into drafts, collecting each row's problems. */
export function readSheets(sheets: readonly SheetInput[]): ReadSheets {
	const out: ReadSheets = {
		merchants: [],
		licences: [],
		staff: [],
		merchantRows: new Map(),
		headers: new Map(),
		errors: []
	};
	for (const s of sheets) {
		const { index, headers, complete } = mapHeaders(s, out.errors);
		out.headers.set(s.sheet, headers);
		if (!complete) continue;
		for (const r of s.rows) {
			if (r.cells.every(isEmpty)) continue;
			const input: RowInput = { row: r.row, cells: {} };
			for (const [key, i] of index) input.cells[key] = r.cells[i] ?? null;
			const named = (e: { column: string; reason: string }) => ({
				sheet: s.sheet,
				row: r.row,
				column: headers[e.column] ?? e.column,
				reason: e.reason
			});
			if (s.kind === 'merchants') {
				const code = textOf(input.cells.creditCode ?? null)
					.replace(/\s/g, '')
					.toUpperCase();
				if (code && !out.merchantRows.has(code)) out.merchantRows.set(code, r.row);
				const res = readMerchantRow(input, headers);
				if (res.draft) out.merchants.push({ ...res.draft, sheet: s.sheet });
				out.errors.push(...res.errors.map(named));
			} else if (s.kind === 'licences') {
				const res = readLicenceRow(input);
				if (res.draft) out.licences.push({ ...res.draft, sheet: s.sheet });
				out.errors.push(...res.errors.map(named));
			} else {
				const res = readStaffRow(input, headers);
				if (res.draft) out.staff.push({ ...res.draft, sheet: s.sheet });
				out.errors.push(...res.errors.map(named));
			}
		}
	}
	return out;
}

/** Every credit code the file names, to look up which merchants are already registered. */
export function creditCodesOf(read: ReadSheets): string[] {
	return [
		...new Set([
			...read.merchants.map((m) => m.payload.creditCode),
			...read.licences.map((l) => l.merchantCreditCode),
			...read.staff.map((s) => s.merchantCreditCode)
		])
	];
}
