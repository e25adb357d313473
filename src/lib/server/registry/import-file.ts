import { detectKind, kindOfSheet, sheetNames } from '../../domain/registry/import/columns';
import { CsvError, parseCsv } from '../../domain/registry/import/csv';
import { MAX_FILE_BYTES, MAX_ROWS, type SheetInput } from '../../domain/registry/import/sheets';
import { textOf } from '../../domain/registry/import/values';
import { readXlsx, TooLarge, TooManyRows, type SheetIn } from './xlsx';

/** A file the import cannot read at all; the message is for the clerk. */
export class ImportFileError extends Error {
	override name = 'ImportFileError';
}

/** The header row is the first non-empty row; rows above it are titles or notes. */
function toSheetInput(s: SheetIn, kind: SheetInput['kind']): SheetInput {
	const [head, ...rest] = s.rows;
	return { kind, sheet: s.name, headers: head?.cells ?? [], rows: rest };
}

async function readWorkbook(bytes: Uint8Array): Promise<SheetInput[]> {
	let sheets: SheetIn[];
	try {
		sheets = await readXlsx(bytes, MAX_ROWS);
	} catch (e) {
		if (e instanceof TooLarge && e.inflated !== null) {
			throw new ImportFileError(
				'该 Excel 文件解压后过大（超过 100 MB），不像是一份登记表：请只保留商户、证照、从业人员三张表后再导入'
			);
		}
		if (e instanceof TooManyRows) {
			throw new ImportFileError(
				`工作表“${e.sheet}”有 ${e.count} 行，超过单次导入上限 ${MAX_ROWS} 行，请拆分后分批导入`
			);
		}
		throw new ImportFileError(
			'无法读取该 Excel 文件：请确认是 .xlsx 格式（不支持旧版 .xls）且未加密',
			{
				cause: e
			}
		);
	}
	const known = sheets.flatMap((s) => {
		const kind = kindOfSheet(s.name);
		return kind ? [toSheetInput(s, kind)] : [];
	});
	if (!known.length) {
		const names = Object.values(sheetNames)
			.map((n) => `“${n[0]}”`)
			.join('、');
		throw new ImportFileError(
			`工作簿中没有可导入的工作表：工作表应命名为 ${names}（现有：${sheets.map((s) => s.name).join('、') || '无'}）`
		);
	}
	return known;
}

function readCsvFile(name: string, bytes: Uint8Array): SheetInput[] {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch (cause) {
		throw new ImportFileError(
			'该 CSV 不是 UTF-8 编码（可能是 GBK）：请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”，或直接上传 .xlsx',
			{ cause }
		);
	}
	let rows: string[][];
	try {
		rows = parseCsv(text);
	} catch (e) {
		if (e instanceof CsvError) throw new ImportFileError(e.message);
		throw e;
	}
	const [head, ...rest] = rows;
	if (!head) throw new ImportFileError('文件是空的');
	if (rest.length > MAX_ROWS) {
		throw new ImportFileError(
			`文件有 ${rest.length} 行，超过单次导入上限 ${MAX_ROWS} 行，请拆分后分批导入`
		);
	}
	const kind = detectKind(head.map((h) => textOf(h)));
	if (!kind) {
		throw new ImportFileError(
			'无法从表头判断这是商户、证照还是从业人员：请使用导入模板的表头（第一行）'
		);
	}
	return [
		{ kind, sheet: name, headers: head, rows: rest.map((cells, i) => ({ row: i + 2, cells })) }
	];
}

/** Reads an uploaded .xlsx or .csv into sheets of one kind each; refuses what it cannot read. */
export async function readImportFile(name: string, bytes: Uint8Array): Promise<SheetInput[]> {
	if (bytes.byteLength === 0) throw new ImportFileError('请选择要导入的文件');
	if (bytes.byteLength > MAX_FILE_BYTES) {
		throw new ImportFileError(
			`文件太大（${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB），上限为 5 MB：请拆分后分批导入`
		);
	}
	const lower = name.toLowerCase();
	if (lower.endsWith('.xlsx')) return readWorkbook(bytes);
	if (lower.endsWith('.csv')) return readCsvFile(name, bytes);
	throw new ImportFileError('只支持 .xlsx 或 .csv 文件（旧版 .xls 请先另存为 .xlsx）');
}
