import { districts } from '../../districts';
import { CREDIT_CODE_SHAPE, creditCodeCheck } from '../credit-code';
import { businessTypes, type BusinessType } from '../../events/merchant';
import { staffPositions } from '../../events/staff';

/** A cell as a file reader hands it over: Excel keeps numbers and dates typed, CSV is text. */
export type Cell = string | number | boolean | Date | null;

/** A value read from a cell, or why it cannot be: the reason is what the clerk reads. */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (reason: string): Read<never> => ({ ok: false, reason });

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Text of a cell; '' when empty. Dates (Excel date cells) as YYYY-MM-DD. */
export function textOf(cell: Cell): string {
	if (cell === null) return '';
	if (cell instanceof Date) {
		return Number.isNaN(cell.getTime())
			? ''
			: ymd(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
	}
	return String(cell).trim();
}

export function isEmpty(cell: Cell): boolean {
	return textOf(cell) === '';
}

export function readCreditCode(cell: Cell): Read<string> {
	const text = textOf(cell).replace(/\s/g, '').toUpperCase();
	if (!CREDIT_CODE_SHAPE.test(text)) {
		return bad(
			`信用代码格式不对：应为18位数字或大写字母（不含 I、O、S、V、Z），现为“${textOf(cell)}”（${text.length}位）`
		);
	}
	const check = creditCodeCheck(text);
	if (text[17] !== check) {
		return bad(`信用代码“${text}”校验位不对：最后一位应为“${check}”，请核对是否抄错`);
	}
	return ok(text);
}

export function readText(cell: Cell, max: number): Read<string> {
	const text = textOf(cell);
	if (text.length > max) return bad(`太长：最多 ${max} 个字，现有 ${text.length} 个字`);
	return ok(text);
}

export function readNumber(cell: Cell, min: number, max: number, what: string): Read<number> {
	const n = typeof cell === 'number' ? cell : Number(textOf(cell));
	if (!Number.isFinite(n) || textOf(cell) === '') {
		return bad(`${what}应为数字，现为“${textOf(cell)}”`);
	}
	if (n < min || n > max) return bad(`${what}应在 ${min} 到 ${max} 之间，现为 ${n}`);
	return ok(n);
}

// Excel counts days from 1899-12-30 (its 1900 leap-year bug included); 1955–2119 is plausible.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A calendar date: YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, or an Excel date cell. */
export function readDate(cell: Cell): Read<string> {
	if (cell instanceof Date && !Number.isNaN(cell.getTime())) return ok(textOf(cell));
	if (typeof cell === 'number' && Number.isInteger(cell) && cell > 20_000 && cell < 80_000) {
		return ok(textOf(new Date(EXCEL_EPOCH_MS + cell * DAY_MS)));
	}
	const text = textOf(cell);
	const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
	if (!m) return bad(`日期格式不对：应为 2026-01-31 或 2026/1/31，现为“${text}”`);
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1950 || y > 2200) {
		return bad(`没有这一天：“${text}”`);
	}
	return ok(ymd(y, mo, d));
}

/** Chinese (and English) words for an enum value; the code itself is accepted too. */
function enumReader<T extends string>(
	labels: Record<string, T>,
	codes: readonly T[],
	what: string
) {
	const table = new Map<string, T>();
	for (const c of codes) table.set(c.toLowerCase(), c);
	for (const [label, c] of Object.entries(labels)) table.set(label.toLowerCase(), c);
	const shown = [...new Set(Object.keys(labels).filter((l) => /[^\p{ASCII}]/u.test(l)))];
	return (cell: Cell): Read<T> => {
		const value = table.get(textOf(cell).replace(/\s/g, '').toLowerCase());
		return value ? ok(value) : bad(`${what}“${textOf(cell)}”无法识别：可填 ${shown.join('、')}`);
	};
}

export const readBusinessType = enumReader<BusinessType>(
	{
		餐饮: 'restaurant',
		餐馆: 'restaurant',
		饭店: 'restaurant',
		学校食堂: 'school_canteen',
		养老食堂: 'elderly_care_canteen',
		养老机构食堂: 'elderly_care_canteen',
		单位食堂: 'company_canteen',
		企业食堂: 'company_canteen',
		超市: 'supermarket',
		商超: 'supermarket',
		小食杂店: 'small_shop',
		便利店: 'small_shop',
		市场摊位: 'market_stall',
		摊贩: 'market_stall'
	},
	businessTypes,
	'业态'
);

export const readScale = enumReader<'small' | 'medium' | 'large'>(
	{ 小: 'small', 小型: 'small', 中: 'medium', 中型: 'medium', 大: 'large', 大型: 'large' },
	['small', 'medium', 'large'],
	'规模'
);

export const readRelation = enumReader<'head_office' | 'operator'>(
	{ 总部: 'head_office', 总公司: 'head_office', 承包经营单位: 'operator', 承包方: 'operator' },
	['head_office', 'operator'],
	'关联关系'
);

export const readLicenceKind = enumReader<
	'food_business' | 'food_production' | 'small_workshop' | 'other'
>(
	{
		食品经营许可证: 'food_business',
		经营许可证: 'food_business',
		食品生产许可证: 'food_production',
		生产许可证: 'food_production',
		小作坊登记证: 'small_workshop',
		食品小作坊登记证: 'small_workshop',
		其他: 'other'
	},
	['food_business', 'food_production', 'small_workshop', 'other'],
	'证照类型'
);

export const readPosition = enumReader<(typeof staffPositions)[number]>(
	{
		店长: 'manager',
		负责人: 'manager',
		经理: 'manager',
		厨师: 'cook',
		帮厨: 'helper',
		服务员: 'server',
		收银员: 'cashier',
		售货员: 'seller',
		营业员: 'seller',
		其他: 'other'
	},
	staffPositions,
	'岗位'
);

/** A district by its name (历下区, 历下) or its 6-digit code. */
export function readDistrict(cell: Cell): Read<string> {
	const text = textOf(cell).replace(/\s/g, '');
	const d = districts.find(
		(x) =>
			x.id === text ||
			x.name === text ||
			x.name.slice(0, -1) === text ||
			x.nameEn.toLowerCase() === text.toLowerCase()
	);
	return d
		? ok(d.id)
		: bad(`所属区“${textOf(cell)}”不存在：请填区县名称（如 历下区）或6位区划代码（如 370102）`);
}
