/**
 * What an import file may hold: three kinds of rows, each a sheet of the workbook (or one CSV
 * file), with their columns. Headers are matched in Chinese first, English second; the header
 * texts here are data the clerk sees in the template, like district names.
 */
export const importKinds = ['merchants', 'licences', 'staff'] as const;
export type ImportKind = (typeof importKinds)[number];

export interface ColumnDef {
	key: string;
	/** The header of the template, and the column named in errors when the column is missing. */
	zh: string;
	en: string;
	aliases?: readonly string[];
	required: boolean;
}

const col = (key: string, zh: string, en: string, required: boolean, aliases?: string[]) => ({
	key,
	zh,
	en,
	required,
	aliases
});

/** The merchant's credit code on licence and staff rows: how a row finds its merchant. */
const merchantCode = col('merchantCreditCode', '商户信用代码', 'Merchant credit code', true, [
	'信用代码',
	'统一社会信用代码',
	'credit code'
]);

export const columns: Record<ImportKind, readonly ColumnDef[]> = {
	merchants: [
		col('name', '名称', 'Name', true, ['商户名称', '主体名称']),
		col('creditCode', '统一社会信用代码', 'Credit code', true, ['信用代码']),
		col('businessType', '业态', 'Business type', true),
		col('scale', '规模', 'Scale', true),
		col('address', '地址', 'Address', true, ['经营地址']),
		col('lon', '经度', 'Longitude', true, ['lon']),
		col('lat', '纬度', 'Latitude', true, ['lat']),
		col('district', '所属区', 'District', true, ['所属区县', '辖区']),
		col('contactName', '联系人', 'Contact', false),
		col('contactPhone', '联系电话', 'Phone', false, ['电话']),
		col('enterpriseName', '关联企业名称', 'Related enterprise', false),
		col('enterpriseCreditCode', '关联企业信用代码', 'Related enterprise credit code', false),
		col('enterpriseRelation', '关联关系', 'Relation', false, ['关系'])
	],
	licences: [
		merchantCode,
		col('kind', '证照类型', 'Licence type', true, ['类型']),
		col('number', '编号', 'Number', true, ['证照编号', '许可证编号']),
		col('scope', '经营范围', 'Scope', true),
		col('validFrom', '有效期自', 'Valid from', true),
		col('validTo', '有效期至', 'Valid to', true),
		col('authority', '发证机关', 'Issued by', true)
	],
	staff: [
		merchantCode,
		col('name', '姓名', 'Name', true),
		col('position', '岗位', 'Position', true),
		col('certNumber', '健康证编号', 'Health certificate number', false),
		col('certValidFrom', '健康证有效期自', 'Health certificate valid from', false),
		col('certValidTo', '健康证有效期至', 'Health certificate valid to', false)
	]
};

/** Sheet names of the workbook, Chinese first; the first is the template's. */
export const sheetNames: Record<ImportKind, readonly string[]> = {
	merchants: ['商户', '经营主体', 'merchants'],
	licences: ['证照', '许可证', 'licences', 'licenses'],
	staff: ['从业人员', '人员', 'staff']
};

/** Headers compare without spaces, case, a required-marker `*` or a trailing (…) note. */
export function normalizeHeader(text: string): string {
	return text
		.replace(/[（(][^）)]*[）)]\s*$/, '')
		.replace(/[\s*＊]/g, '')
		.toLowerCase();
}

export function kindOfSheet(name: string): ImportKind | undefined {
	const n = normalizeHeader(name);
	return importKinds.find((k) => sheetNames[k].some((s) => normalizeHeader(s) === n));
}

/** The column a header names, if any. */
export function columnOf(kind: ImportKind, header: string): ColumnDef | undefined {
	const n = normalizeHeader(header);
	if (!n) return undefined;
	return columns[kind].find((c) =>
		[c.zh, c.en, ...(c.aliases ?? [])].some((h) => normalizeHeader(h) === n)
	);
}

/**
 * Which kind a CSV holds, from its header row: the kind whose required columns are all there
 * (a licence file and a staff file share only the merchant's credit code).
 */
export function detectKind(headers: readonly string[]): ImportKind | undefined {
	const fits = importKinds.filter((k) =>
		columns[k].filter((c) => c.required).every((c) => headers.some((h) => columnOf(k, h) === c))
	);
	return fits.length === 1 ? fits[0] : undefined;
}
