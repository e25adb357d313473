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
import { isEmpty, readCreditCode, readDistrict, textOf, type Cell } from './values';

/** At most this many data rows in one file: a district's registry, not a city's dump. */
export const MAX_ROWS = 20_000;
/** At most this many bytes in one upload (the web server's body limit is set just above it). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

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
	/**
	 * Rows with errors of their own, with what could be read of their district or merchant: the
	 * cross-row checks still run on them, so one upload reports every problem of a row.
	 */
	incomplete: {
		sheet: string;
		row: number;
		kind: SheetInput['kind'];
		districtId?: string;
		merchantCreditCode?: string;
	}[];
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
		incomplete: [],
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
			const res =
				s.kind === 'merchants'
					? readMerchantRow(input, headers)
					: s.kind === 'licences'
						? readLicenceRow(input)
						: readStaffRow(input, headers);
			if (s.kind === 'merchants') {
				const code = textOf(input.cells.creditCode ?? null)
					.replace(/\s/g, '')
					.toUpperCase();
				if (code && !out.merchantRows.has(code)) out.merchantRows.set(code, r.row);
			}
			if (res.draft) {
				const d = { ...res.draft, sheet: s.sheet };
				if (s.kind === 'merchants') out.merchants.push(d as MerchantDraft & { sheet: string });
				else if (s.kind === 'licences') out.licences.push(d as LicenceDraft & { sheet: string });
				else out.staff.push(d as StaffDraft & { sheet: string });
				continue;
			}
			out.errors.push(...res.errors.map(named));
			const district = readDistrict(input.cells.district ?? null);
			const code = readCreditCode(input.cells.merchantCreditCode ?? null);
			out.incomplete.push({
				sheet: s.sheet,
				row: r.row,
				kind: s.kind,
				...(s.kind === 'merchants' && district.ok ? { districtId: district.value } : {}),
				...(s.kind !== 'merchants' && code.ok ? { merchantCreditCode: code.value } : {})
			});
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
			...read.staff.map((s) => s.merchantCreditCode),
			...read.incomplete.flatMap((r) => (r.merchantCreditCode ? [r.merchantCreditCode] : []))
		])
	];
}
