import { columns, importKinds, sheetNames } from '../../domain/registry/import/columns';
import { writeXlsx } from './xlsx';

/** One example row per sheet, with a valid credit code, so the template imports as it stands. */
const examples: Record<(typeof importKinds)[number], (string | number)[]> = {
	merchants: [
		'泉城示例餐馆',
		'91370102MA3C4XYP11',
		'餐馆',
		'小',
		'济南市历下区泉城路1号',
		117.0208,
		36.6655,
		'历下区',
		'张三',
		'13800000000',
		'',
		'',
		''
	],
	licences: [
		'91370102MA3C4XYP11',
		'食品经营许可证',
		'JY23701020012345',
		'热食类食品制售',
		'2024-01-01',
		'2029-12-31',
		'济南市历下区市场监督管理局'
	],
	staff: ['91370102MA3C4XYP11', '李四', '厨师', 'JK2026001', '2026-01-01', '2027-01-01']
};

/** The import template: the three sheets with their Chinese headers and one example row each. */
export function importTemplate(): Promise<Buffer> {
	return writeXlsx(
		importKinds.map((kind) => ({
			name: sheetNames[kind][0] as string,
			headers: columns[kind].map((c) => c.zh),
			rows: [examples[kind]],
			// Credit codes, licence and certificate numbers and phones stay text (no 1.2E+17).
			textColumns: columns[kind].flatMap((c, i) =>
				/creditcode|number|phone/i.test(c.key) ? [i] : []
			)
		}))
	);
}
