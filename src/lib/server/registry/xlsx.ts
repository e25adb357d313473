import ExcelJS from 'exceljs';
import { zipUncompressedSize } from './zip-size';
import type { Cell } from '../../domain/registry/import/values';

/** A sheet to write: a header row, then data rows. */
export interface SheetOut {
	name: string;
	headers: string[];
	rows: (string | number | Date | null | undefined)[][];
	/** Column keys (0-based) whose cells must stay text, e.g. long codes Excel would round. */
	textColumns?: number[];
}

/**
 * Writes a workbook: one sheet per entry, bold frozen header row, columns wide enough for their
 * header. Used by the import template and the registry's list export.
 */
export async function writeXlsx(sheets: readonly SheetOut[]): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = '智慧食安系统';
	for (const s of sheets) {
		const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
		ws.columns = s.headers.map((h, i) => ({
			header: h,
			width: Math.max(10, [...h].length * 2 + 4),
			style: s.textColumns?.includes(i) ? { numFmt: '@' } : {}
		}));
		ws.getRow(1).font = { bold: true };
		for (const r of s.rows) ws.addRow(r.map((v) => v ?? null));
	}
	return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A sheet as read: its name and its rows of cells, row numbers as Excel shows them. */
export interface SheetIn {
	name: string;
	rows: { row: number; cells: Cell[] }[];
}

/** Rich text, formulas and links come as objects; the import wants their visible value. */
function cellValue(v: ExcelJS.CellValue): Cell {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
	if (v instanceof Date) return v;
	if ('richText' in v) return v.richText.map((t) => t.text).join('');
	if ('result' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
	if ('text' in v && typeof v.text === 'string') return v.text;
	if ('error' in v) return String(v.error);
	return null;
}

/**
 * Reads every sheet of a workbook, stopping with `tooMany` when a sheet has more rows than
 * `maxRows` (the caller names the limit).
 */
export async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<SheetIn[]> {
	const inflated = zipUncompressedSize(bytes);
	if (inflated === null || inflated > MAX_INFLATED_BYTES) throw new TooLarge(inflated);
	const wb = new ExcelJS.Workbook();
	// exceljs's types predate Node's generic Buffer; the bytes are a plain zip either way.
	await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
	const sheets: SheetIn[] = [];
	for (const ws of wb.worksheets) {
		if (ws.actualRowCount > maxRows + 1) throw new TooManyRows(ws.name, ws.actualRowCount - 1);
		const rows: SheetIn['rows'] = [];
		// One stray cell far to the right must not make every row 16,384 cells wide.
		const width = Math.min(ws.columnCount, MAX_COLUMNS);
		ws.eachRow({ includeEmpty: false }, (row, n) => {
			const cells: Cell[] = [];
			for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
			rows.push({ row: n, cells });
		});
		sheets.push({ name: ws.name, rows });
	}
	return sheets;
}

/** 20,000 rows of the template inflate to ~15 MB of XML; anything far above is not a register. */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/** The template has under 20 columns; notes beside it are allowed, a sheet 16k wide is not. */
export const MAX_COLUMNS = 64;

export class TooLarge extends Error {
	override name = 'TooLarge';
	constructor(readonly inflated: number | null) {
		super(inflated === null ? 'not a plain zip' : `inflates to ${inflated} bytes`);
	}
}

export class TooManyRows extends Error {
	override name = 'TooManyRows';
	constructor(
		readonly sheet: string,
		readonly count: number
	) {
		super(`sheet ${sheet} has ${count} rows`);
	}
}
