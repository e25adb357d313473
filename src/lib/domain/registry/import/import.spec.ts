import { describe, expect, it } from 'vitest';
import { detectKind, kindOfSheet } from './columns';
import { parseCsv } from './csv';
import { importEventId, merchantIdFor } from './ids';
import { planImport, type ImportContext } from './plan';
import { readSheets, creditCodesOf, type SheetInput } from './sheets';
import { readCreditCode, readDate, readDistrict } from './values';

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** A credit code with its check character, from 17 characters. */
export function code(body: string): string {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += alphabet.indexOf(body[i] as string) * (weights[i] as number);
	return body + alphabet[(31 - (sum % 31)) % 31];
}
const A = code('91370102MA3C4XYP1');
const B = code('91370102MA3C4XYP2');
const C = code('91370103MA3C4XYP3');

const merchantHeaders = [
	'名称',
	'统一社会信用代码',
	'业态',
	'规模',
	'地址',
	'经度',
	'纬度',
	'所属区',
	'联系人',
	'联系电话'
];
const merchantRow = (name: string, credit: string, district = '历下区') => [
	name,
	credit,
	'餐饮',
	'小',
	'泉城路1号',
	117.02,
	36.66,
	district,
	'张三',
	'13812345678'
];
const sheet = (
	kind: SheetInput['kind'],
	name: string,
	headers: string[],
	rows: unknown[][]
): SheetInput => ({
	kind,
	sheet: name,
	headers,
	rows: rows.map((cells, i) => ({
		row: i + 2,
		cells: cells as SheetInput['rows'][number]['cells']
	}))
});

const ctx = (over: Partial<ImportContext> = {}): ImportContext => ({
	batchId: 'b1',
	createdAt: Date.parse('2026-11-28T08:00:00Z'),
	actor: { kind: 'supervisor', id: 'sup-a' },
	scope: { all: false, districts: ['370102'] },
	existing: new Map(),
	elsewhere: new Set(),
	...over
});

describe('import values', () => {
	it('import - credit code: format and check character are explained', () => {
		expect(readCreditCode(A)).toEqual({ ok: true, value: A });
		const short = readCreditCode('9137010');
		expect(!short.ok && short.reason).toMatch(/信用代码格式不对：应为18位/);
		const wrongCheck = readCreditCode(A.slice(0, 17) + (A[17] === '0' ? '1' : '0'));
		expect(!wrongCheck.ok && wrongCheck.reason).toMatch(/校验位不对/);
	});

	it('import - dates in the forms clerks type, and Excel date cells', () => {
		expect(readDate('2026-01-31')).toEqual({ ok: true, value: '2026-01-31' });
		expect(readDate('2026/1/5')).toEqual({ ok: true, value: '2026-01-05' });
		expect(readDate('2026年1月5日')).toEqual({ ok: true, value: '2026-01-05' });
		expect(readDate(new Date(Date.UTC(2027, 5, 30)))).toEqual({ ok: true, value: '2027-06-30' });
		expect(readDate(46023)).toEqual({ ok: true, value: '2026-01-01' });
		expect(readDate('2026-02-30').ok).toBe(false);
		expect(readDate('明年').ok).toBe(false);
	});

	it('import - districts by name, short name or code', () => {
		expect(readDistrict('历下区')).toEqual({ ok: true, value: '370102' });
		expect(readDistrict('历下')).toEqual({ ok: true, value: '370102' });
		expect(readDistrict('370103')).toEqual({ ok: true, value: '370103' });
		expect(readDistrict('朝阳区').ok).toBe(false);
	});

	it('import - sheets and CSV kinds are recognised from names and headers', () => {
		expect(kindOfSheet('商户')).toBe('merchants');
		expect(kindOfSheet('Staff')).toBe('staff');
		expect(detectKind(merchantHeaders)).toBe('merchants');
		expect(
			detectKind(['信用代码', '证照类型', '编号', '经营范围', '有效期自', '有效期至', '发证机关'])
		).toBe('licences');
		expect(detectKind(['Merchant credit code', 'Name', 'Position'])).toBe('staff');
		expect(detectKind(['foo'])).toBeUndefined();
	});
});

describe('import csv', () => {
	it('import - CSV with BOM, quotes, embedded commas and line breaks', () => {
		const text = '\ufeff名称,地址\r\n"甲,乙店","泉城路""1""号\n二楼"\r\n丙店,x\n\n';
		expect(parseCsv(text)).toEqual([
			['名称', '地址'],
			['甲,乙店', '泉城路"1"号\n二楼'],
			['丙店', 'x']
		]);
		expect(() => parseCsv('a,"b\n')).toThrow(/引号/);
	});
});

describe('import plan', () => {
	it('import - a file with good and bad rows: each bad row is named and nothing is planned', () => {
		const read = readSheets([
			sheet('merchants', '商户', merchantHeaders, [
				merchantRow('甲店', A),
				merchantRow('乙店', '12345'),
				merchantRow('丙店', C, '市中区'),
				merchantRow('丁店', A)
			]),
			sheet(
				'licences',
				'证照',
				['信用代码', '证照类型', '编号', '经营范围', '有效期自', '有效期至', '发证机关'],
				[
					[A, '食品经营许可证', 'JY1', '热食', '2026-01-01', '2025-12-31', '历下区局'],
					[B, '食品经营许可证', 'JY2', '热食', '2026-01-01', '2030-12-31', '历下区局']
				]
			)
		]);
		const plan = planImport(read, ctx());
		expect(plan.events).toEqual([]);
		const where = plan.errors.map((e) => `${e.sheet}:${e.row}:${e.column}`);
		expect(where).toEqual([
			'商户:3:统一社会信用代码',
			'商户:4:所属区',
			'商户:5:统一社会信用代码',
			'证照:2:有效期至',
			'证照:3:商户信用代码'.replace('商户信用代码', '信用代码')
		]);
		expect(plan.errors[0]?.reason).toMatch(/信用代码格式不对：应为18位/);
		expect(plan.errors[1]?.reason).toMatch(/所属区“市中区”不在您的辖区/);
		expect(plan.errors[2]?.reason).toMatch(/与第 2 行重复/);
		expect(plan.errors[3]?.reason).toMatch(/有效期至（2025-12-31）早于有效期自（2026-01-01）/);
		expect(plan.errors[4]?.reason).toMatch(/找不到信用代码为/);
	});

	it('import - a clean file becomes registrations, updates, licences and staff with stable ids', () => {
		const read = readSheets([
			sheet('merchants', 'Merchants', merchantHeaders, [
				merchantRow('甲店', A),
				merchantRow('乙店', B)
			]),
			sheet(
				'licences',
				'证照',
				['信用代码', '证照类型', '编号', '经营范围', '有效期自', '有效期至', '发证机关'],
				[
					[
						A,
						'食品经营许可证',
						'JY1',
						'热食',
						'2026/1/1',
						new Date(Date.UTC(2030, 11, 31)),
						'历下区局'
					]
				]
			),
			sheet(
				'staff',
				'从业人员',
				['信用代码', '姓名', '岗位', '健康证编号', '健康证有效期自', '健康证有效期至'],
				[
					[B, '李四', '厨师', 'JK1', '2026-01-01', '2027-01-01'],
					[C, '王五', '帮厨', '', '', '']
				]
			)
		]);
		expect(creditCodesOf(read).sort()).toEqual([A, B, C].sort());
		const existing = new Map([
			[B, [{ merchantId: 's00001', districtId: '370102', name: '乙店旧名' }]],
			[C, [{ merchantId: 's00002', districtId: '370102', name: '丙店' }]]
		]);
		const plan = planImport(read, ctx({ existing }));
		expect(plan.errors).toEqual([]);
		expect(plan.counts).toEqual({ newMerchants: 1, updatedMerchants: 1, licences: 1, staff: 2 });
		expect(plan.events.map((e) => [e.type, e.merchantId])).toEqual([
			['merchant.registered', merchantIdFor(A)],
			['merchant.updated', 's00001'],
			['licence.issued', merchantIdFor(A)],
			['merchant.staff.registered', 's00001'],
			['merchant.staff.registered', 's00002']
		]);
		expect(plan.events[0]?.actor).toEqual({ kind: 'supervisor', id: 'sup-a' });
		const lic = plan.events[2];
		expect(lic?.type === 'licence.issued' && lic.payload.validTo).toBe('2030-12-31');
		// The same batch planned again: the same events, so a second publish is a duplicate.
		expect(planImport(read, ctx({ existing })).events).toEqual(plan.events);
		expect(plan.events[0]?.id).toBe(importEventId('b1', 0, ctx().createdAt));
	});

	it('import - merchants outside the scope cannot be written, and a missing column is named', () => {
		const read = readSheets([
			sheet('merchants', '商户', merchantHeaders, [merchantRow('甲店', A)]),
			sheet('staff', '从业人员', ['信用代码', '姓名'], [[A, '张三']])
		]);
		const plan = planImport(read, ctx({ elsewhere: new Set([A]) }));
		expect(plan.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
			['商户', 2, '统一社会信用代码'],
			['从业人员', 1, '岗位']
		]);
		expect(plan.errors[0]?.reason).toMatch(/辖区之外/);
		expect(plan.errors[1]?.reason).toMatch(/缺少必填列“岗位”/);
		const admin = planImport(
			readSheets([sheet('merchants', '商户', merchantHeaders, [merchantRow('丙店', C, '370103')])]),
			ctx({ scope: { all: true } })
		);
		expect(admin.errors).toEqual([]);
	});

	it('import - a row with errors of its own still reports an out-of-reach district or merchant', () => {
		const bad = merchantRow('乙店', '12345', '市中区');
		const read = readSheets([
			sheet('merchants', '商户', merchantHeaders, [bad]),
			sheet(
				'licences',
				'证照',
				['信用代码', '证照类型', '编号', '经营范围', '有效期自', '有效期至', '发证机关'],
				[[B, '营业执照', 'JY2', '热食', '2026-01-01', '2030-12-31', '历下区局']]
			)
		]);
		const plan = planImport(read, ctx());
		expect(plan.errors.map((e) => `${e.sheet}:${e.row}:${e.column}`)).toEqual([
			'商户:2:统一社会信用代码',
			'商户:2:所属区',
			'证照:2:证照类型',
			'证照:2:信用代码'
		]);
		expect(plan.errors[3]?.reason).toMatch(/找不到信用代码/);
	});
});
