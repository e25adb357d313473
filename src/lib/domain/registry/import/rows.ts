import type { z } from 'zod';
import type { licenceIssued, merchantRegistered, staffRegistered } from '../../events';
import {
	isEmpty,
	readBusinessType,
	readCreditCode,
	readDate,
	readDistrict,
	readLicenceKind,
	readNumber,
	readPosition,
	readRelation,
	readScale,
	readText,
	type Cell,
	type Read
} from './values';

/** One data row of a sheet, its cells by column key; `row` is the row number the clerk sees. */
export interface RowInput {
	row: number;
	cells: Record<string, Cell>;
}

/** A problem in one cell (the column by key), before it is named with the file's header. */
export interface CellError {
	column: string;
	reason: string;
}

export interface MerchantDraft {
	row: number;
	districtId: string;
	payload: z.infer<typeof merchantRegistered>;
}
export interface LicenceDraft {
	row: number;
	merchantCreditCode: string;
	payload: Omit<z.infer<typeof licenceIssued>, 'licenceId'>;
}
export interface StaffDraft {
	row: number;
	merchantCreditCode: string;
	payload: Omit<z.infer<typeof staffRegistered>, 'staffId'>;
}

export type RowResult<D> = { draft: D; errors: [] } | { draft: null; errors: CellError[] };

/** Reads cells, collecting every problem of the row rather than stopping at the first. */
class Fields {
	readonly errors: CellError[] = [];
	constructor(private readonly cells: Record<string, Cell>) {}

	need<T>(key: string, read: (c: Cell) => Read<T>): T | undefined {
		const cell = this.cells[key] ?? null;
		if (isEmpty(cell)) {
			this.errors.push({ column: key, reason: '必填，不能为空' });
			return undefined;
		}
		return this.opt(key, read);
	}

	opt<T>(key: string, read: (c: Cell) => Read<T>): T | undefined {
		const cell = this.cells[key] ?? null;
		if (isEmpty(cell)) return undefined;
		const r = read(cell);
		if (r.ok) return r.value;
		this.errors.push({ column: key, reason: r.reason });
		return undefined;
	}

	/** Columns that only make sense together: all filled or all empty. */
	together(keys: readonly string[], headers: Record<string, string>): boolean {
		const filled = keys.filter((k) => !isEmpty(this.cells[k] ?? null));
		if (filled.length === 0 || filled.length === keys.length) return filled.length > 0;
		for (const k of keys.filter((k) => !filled.includes(k))) {
			const others = keys.filter((x) => x !== k).map((x) => `“${headers[x]}”`);
			this.errors.push({ column: k, reason: `填了${others.join('、')}时此列也必填` });
		}
		return false;
	}

	done<D>(draft: () => D): RowResult<D> {
		return this.errors.length
			? { draft: null, errors: this.errors }
			: { draft: draft(), errors: [] };
	}
}

const text = (max: number) => (c: Cell) => readText(c, max);
const phone = (c: Cell): Read<string> => {
	const r = readText(c, 20);
	return r.ok && !/^[0-9+\- ]{5,20}$/.test(r.value)
		? { ok: false, reason: `联系电话格式不对：只能有数字、+、-，5–20位，现为“${r.value}”` }
		: r;
};

/** Date pairs: the end may not come before the start. */
function checkOrder(
	f: Fields,
	from: string | undefined,
	to: string | undefined,
	toKey: string,
	what: string
) {
	if (from && to && to < from) {
		f.errors.push({ column: toKey, reason: `${what}至（${to}）早于${what}自（${from}）` });
	}
}

export function readMerchantRow(
	r: RowInput,
	headers: Record<string, string>
): RowResult<MerchantDraft> {
	const f = new Fields(r.cells);
	const name = f.need('name', text(100));
	const creditCode = f.need('creditCode', readCreditCode);
	const businessType = f.need('businessType', readBusinessType);
	const scale = f.need('scale', readScale);
	const address = f.need('address', text(200));
	const lon = f.need('lon', (c) => readNumber(c, 73, 136, '经度'));
	const lat = f.need('lat', (c) => readNumber(c, 3, 54, '纬度'));
	const districtId = f.need('district', readDistrict);
	const hasContact = f.together(['contactName', 'contactPhone'], headers);
	const contactName = f.opt('contactName', text(50));
	const contactPhone = f.opt('contactPhone', phone);
	const enterpriseKeys = ['enterpriseName', 'enterpriseCreditCode', 'enterpriseRelation'];
	const hasEnterprise = f.together(enterpriseKeys, headers);
	const enterpriseName = f.opt('enterpriseName', text(100));
	const enterpriseCode = f.opt('enterpriseCreditCode', readCreditCode);
	const relation = f.opt('enterpriseRelation', readRelation);
	return f.done(() => ({
		row: r.row,
		districtId: districtId as string,
		payload: {
			name: name as string,
			creditCode: creditCode as string,
			businessType: businessType as NonNullable<typeof businessType>,
			scale: scale as NonNullable<typeof scale>,
			address: address as string,
			location: { lon: lon as number, lat: lat as number },
			...(hasContact
				? { contact: { name: contactName as string, phone: contactPhone as string } }
				: {}),
			...(hasEnterprise
				? {
						enterprise: {
							relation: relation as NonNullable<typeof relation>,
							name: enterpriseName as string,
							creditCode: enterpriseCode as string
						}
					}
				: {})
		}
	}));
}

export function readLicenceRow(r: RowInput): RowResult<LicenceDraft> {
	const f = new Fields(r.cells);
	const merchantCreditCode = f.need('merchantCreditCode', readCreditCode);
	const kind = f.need('kind', readLicenceKind);
	const number = f.need('number', text(40));
	const scope = f.need('scope', text(200));
	const validFrom = f.need('validFrom', readDate);
	const validTo = f.need('validTo', readDate);
	const authority = f.need('authority', text(100));
	checkOrder(f, validFrom, validTo, 'validTo', '有效期');
	return f.done(() => ({
		row: r.row,
		merchantCreditCode: merchantCreditCode as string,
		payload: {
			kind: kind as NonNullable<typeof kind>,
			number: number as string,
			scope: scope as string,
			validFrom: validFrom as string,
			validTo: validTo as string,
			authority: authority as string
		}
	}));
}

export function readStaffRow(r: RowInput, headers: Record<string, string>): RowResult<StaffDraft> {
	const f = new Fields(r.cells);
	const merchantCreditCode = f.need('merchantCreditCode', readCreditCode);
	const name = f.need('name', text(50));
	const position = f.need('position', readPosition);
	const hasCert = f.together(['certNumber', 'certValidFrom', 'certValidTo'], headers);
	const number = f.opt('certNumber', text(50));
	const validFrom = f.opt('certValidFrom', readDate);
	const validTo = f.opt('certValidTo', readDate);
	checkOrder(f, validFrom, validTo, 'certValidTo', '健康证有效期');
	return f.done(() => ({
		row: r.row,
		merchantCreditCode: merchantCreditCode as string,
		payload: {
			name: name as string,
			position: position as NonNullable<typeof position>,
			...(hasCert
				? {
						healthCertificate: {
							number: number as string,
							validFrom: validFrom as string,
							validTo: validTo as string
						}
					}
				: {})
		}
	}));
}
