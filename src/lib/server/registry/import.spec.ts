import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readImportFile, ImportFileError } from './import-file';
import { publishAll } from './import';
import { writeXlsx } from './xlsx';

describe('registry import files', () => {
	it('import - xlsx cells arrive as the clerk sees them: dates, rich text, formulas, numbers', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('证照');
		ws.addRow([
			'标题：2026年证照'.replace('标题：2026年证照', '信用代码'),
			'有效期自',
			'编号',
			'数量'
		]);
		ws.addRow([
			{ richText: [{ text: '9137' }, { text: '0102' }] },
			new Date(Date.UTC(2026, 0, 5)),
			{ formula: '"JY"&"1"', result: 'JY1' },
			12
		]);
		ws.addRow([]);
		ws.addRow(['x', null, null, null]);
		wb.addWorksheet('备注').addRow(['不是导入表']);
		const [sheet, ...rest] = await readImportFile(
			'a.xlsx',
			new Uint8Array(await wb.xlsx.writeBuffer())
		);
		expect(rest).toEqual([]);
		expect(sheet?.kind).toBe('licences');
		expect(sheet?.rows.map((r) => r.row)).toEqual([2, 4]);
		const cells = sheet?.rows[0]?.cells ?? [];
		expect(cells[0]).toBe('91370102');
		expect((cells[1] as Date).toISOString()).toBe('2026-01-05T00:00:00.000Z');
		expect(cells.slice(2)).toEqual(['JY1', 12]);
	});

	it('import - files it cannot take are refused with a reason a clerk can act on', async () => {
		const refuse = (name: string, bytes: Uint8Array) =>
			readImportFile(name, bytes).then(
				() => '',
				(e: unknown) => (e instanceof ImportFileError ? e.message : `unexpected ${String(e)}`)
			);
		expect(await refuse('a.xls', new Uint8Array([1]))).toMatch(/只支持 \.xlsx 或 \.csv/);
		expect(await refuse('a.xlsx', new Uint8Array(6 * 1024 * 1024))).toMatch(/上限为 5 MB/);
		expect(await refuse('a.xlsx', new TextEncoder().encode('not a zip'))).toMatch(/无法读取/);
		expect(await refuse('a.csv', new TextEncoder().encode('甲,乙\n1,2\n'))).toMatch(/表头/);
		expect(await refuse('a.csv', new Uint8Array([0xc0, 0xfa, 0x0a]))).toMatch(/UTF-8/);
		const other = await writeXlsx([{ name: 'Sheet1', headers: ['名称'], rows: [] }]);
		expect(await refuse('a.xlsx', new Uint8Array(other))).toMatch(/“商户”、“证照”、“从业人员”/);
		const big = 'a,b\n'.repeat(20_002);
		expect(await refuse('a.csv', new TextEncoder().encode(big))).toMatch(
			/超过单次导入上限 20000 行/
		);
	});

	it('import - a publish that fails part-way says how far it got; a retry completes it without doubles', async () => {
		const events = Array.from({ length: 50 }, (_, i) => ({ id: `e${i}` }));
		const stream = new Set<string>();
		let budget = 20;
		// A stream that keeps one message per id (JetStream's dedup), whose connection breaks
		// after 20 messages.
		const send = async (e: unknown) => {
			if (budget-- <= 0) throw new Error('connection closed');
			stream.add((e as { id: string }).id);
		};
		const first = await publishAll(events, send, 4);
		expect(first.ok).toBe(false);
		expect(!first.ok && first.published).toBe(20);
		budget = Infinity;
		expect((await publishAll(events, send, 4)).ok).toBe(true);
		expect(stream.size).toBe(50);
	});
});
