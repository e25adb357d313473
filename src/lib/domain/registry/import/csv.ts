/**
 * RFC 4180 CSV as spreadsheets write it: fields separated by commas, quoted with `"` when they
 * hold commas, quotes (doubled) or line breaks; rows end in CRLF or LF. A leading UTF-8 BOM
 * (Excel's "CSV UTF-8") is dropped. Returns rows of fields; trailing empty lines are dropped.
 */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	while (i < text.length) {
		const ch = text[i] as string;
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				quoted = false;
			} else field += ch;
			i++;
			continue;
		}
		if (ch === '"' && field === '') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			if (ch === '\r' && text[i + 1] === '\n') i++;
		} else field += ch;
		i++;
	}
	if (quoted) throw new CsvError('CSV 文件中有未闭合的引号（"），请检查文件是否完整');
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	while (rows.length && (rows.at(-1) as string[]).every((f) => f.trim() === '')) rows.pop();
	return rows;
}

export class CsvError extends Error {
	override name = 'CsvError';
}
