import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zipUncompressedSize } from './zip-size';

describe('zip size', () => {
	it('registry - an xlsx declares its inflated size; text is not a zip', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('商户');
		// Highly compressible: the inflated size is far above the file's.
		for (let i = 0; i < 2_000; i++) ws.addRow(['同一个名称'.repeat(20), i]);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const size = zipUncompressedSize(bytes);
		expect(size).toBeGreaterThan(bytes.byteLength * 5);
		expect(zipUncompressedSize(new TextEncoder().encode('名称,信用代码\n'))).toBeNull();
	});
});
