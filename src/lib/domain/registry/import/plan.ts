import { districtName } from '../../districts';
import type { ImportContext, ImportCounts, ImportPlan, PreviewItem } from './context';
import { buildEvents, sorted, type EventDraft } from './events';
import { licenceIdFor, merchantIdFor, staffIdFor } from './ids';
import type { ReadSheets } from './sheets';

export type * from './context';

const inScope = (ctx: ImportContext, districtId: string) =>
	ctx.scope.all || ctx.scope.districts.includes(districtId);

/**
 * Checks the rows against each other and the register, and turns them into events. Nothing is
 * published from a plan with errors: the whole file goes in, or none of it.
 */
export function planImport(read: ReadSheets, ctx: ImportContext): ImportPlan {
	const errors = [...read.errors];
	const items: PreviewItem[] = [];
	const drafts: EventDraft[] = [];
	const counts: ImportCounts = { newMerchants: 0, updatedMerchants: 0, licences: 0, staff: 0 };
	const header = (sheet: string, key: string) => read.headers.get(sheet)?.[key] ?? key;
	const fail = (sheet: string, row: number, key: string, reason: string) =>
		errors.push({ sheet, row, column: header(sheet, key), reason });

	/** Merchants of this file by credit code: id, district and name for their licences and staff. */
	const planned = new Map<string, { merchantId: string; districtId: string; name: string }>();
	const scopeText = ctx.scope.all
		? ''
		: `（您的辖区：${ctx.scope.districts.map((d) => districtName(d)).join('、')}）`;

	for (const m of read.merchants) {
		const code = m.payload.creditCode;
		const firstRow = read.merchantRows.get(code);
		if (firstRow !== undefined && firstRow !== m.row) {
			fail(m.sheet, m.row, 'creditCode', `信用代码与第 ${firstRow} 行重复：同一主体只能出现一次`);
			continue;
		}
		if (!inScope(ctx, m.districtId)) {
			fail(
				m.sheet,
				m.row,
				'district',
				`所属区“${districtName(m.districtId)}”不在您的辖区${scopeText}`
			);
			continue;
		}
		const found = ctx.existing.get(code) ?? [];
		if (ctx.elsewhere.has(code)) {
			fail(
				m.sheet,
				m.row,
				'creditCode',
				'该信用代码的主体已在您的辖区之外登记，不能由您导入或修改'
			);
			continue;
		}
		if (found.length > 1) {
			const ids = found.map((x) => x.merchantId).join('、');
			fail(
				m.sheet,
				m.row,
				'creditCode',
				`该信用代码对应多个已登记主体（${ids}），请先在登记页核对`
			);
			continue;
		}
		const existing = found[0];
		const merchantId = existing?.merchantId ?? merchantIdFor(code);
		planned.set(code, { merchantId, districtId: m.districtId, name: m.payload.name });
		drafts.push({
			sheet: m.sheet,
			row: m.row,
			type: existing ? 'merchant.updated' : 'merchant.registered',
			merchantId,
			districtId: m.districtId,
			payload: m.payload
		});
		if (existing) counts.updatedMerchants++;
		else counts.newMerchants++;
		items.push({
			sheet: m.sheet,
			row: m.row,
			action: existing ? 'update' : 'new',
			merchant: m.payload.name,
			detail: `${code} · ${districtName(m.districtId)}`
		});
	}

	/** The merchant a licence or staff row belongs to, or an error on its credit code. */
	const merchantOf = (sheet: string, row: number, code: string) => {
		const p = planned.get(code);
		if (p) return { ...p, existing: ctx.existing.get(code)?.[0] };
		// A merchant row of this file with its own errors: that row's errors already say why.
		if (read.merchantRows.has(code)) return undefined;
		const found = ctx.existing.get(code) ?? [];
		if (ctx.elsewhere.has(code) || found.some((x) => !inScope(ctx, x.districtId))) {
			fail(sheet, row, 'merchantCreditCode', `信用代码为 ${code} 的商户不在您的辖区`);
		} else if (found.length > 1) {
			fail(sheet, row, 'merchantCreditCode', `该信用代码对应多个已登记主体，请先在登记页核对`);
		} else if (found[0]) {
			return { ...found[0], existing: found[0] };
		} else {
			fail(
				sheet,
				row,
				'merchantCreditCode',
				`找不到信用代码为 ${code} 的商户：请在“商户”表中一并导入，或核对信用代码`
			);
		}
		return undefined;
	};

	const seenLicences = new Map<string, number>();
	for (const l of read.licences) {
		const key = `${l.merchantCreditCode}\n${l.payload.number}`;
		const first = seenLicences.get(key);
		if (first !== undefined) {
			fail(l.sheet, l.row, 'number', `同一商户的证照编号与第 ${first} 行重复`);
			continue;
		}
		seenLicences.set(key, l.row);
		const m = merchantOf(l.sheet, l.row, l.merchantCreditCode);
		if (!m) continue;
		const licenceId =
			m.existing?.licenceIds?.[l.payload.number] ?? licenceIdFor(m.merchantId, l.payload.number);
		drafts.push({
			sheet: l.sheet,
			row: l.row,
			type: 'licence.issued',
			merchantId: m.merchantId,
			districtId: m.districtId,
			payload: { licenceId, ...l.payload }
		});
		counts.licences++;
		items.push({
			sheet: l.sheet,
			row: l.row,
			action: 'licence',
			merchant: m.name,
			detail: `${l.payload.number} · ${l.payload.validFrom} ~ ${l.payload.validTo}`
		});
	}

	const seenStaff = new Map<string, number>();
	for (const s of read.staff) {
		const key = `${s.merchantCreditCode}\n${s.payload.name}`;
		const first = seenStaff.get(key);
		if (first !== undefined) {
			fail(s.sheet, s.row, 'name', `同一商户下姓名与第 ${first} 行重复`);
			continue;
		}
		seenStaff.set(key, s.row);
		const m = merchantOf(s.sheet, s.row, s.merchantCreditCode);
		if (!m) continue;
		const staffId =
			m.existing?.staffIds?.[s.payload.name] ?? staffIdFor(m.merchantId, s.payload.name);
		drafts.push({
			sheet: s.sheet,
			row: s.row,
			type: 'merchant.staff.registered',
			merchantId: m.merchantId,
			districtId: m.districtId,
			payload: { staffId, ...s.payload }
		});
		counts.staff++;
		const cert = s.payload.healthCertificate;
		items.push({
			sheet: s.sheet,
			row: s.row,
			action: 'staff',
			merchant: m.name,
			detail: `${s.payload.name}${cert ? ` · 健康证至 ${cert.validTo}` : ''}`
		});
	}

	// Rows with their own errors: still say when their district or merchant is out of reach.
	for (const r of read.incomplete) {
		if (r.districtId && !inScope(ctx, r.districtId)) {
			fail(
				r.sheet,
				r.row,
				'district',
				`所属区“${districtName(r.districtId)}”不在您的辖区${scopeText}`
			);
		}
		if (r.merchantCreditCode) merchantOf(r.sheet, r.row, r.merchantCreditCode);
	}

	const sheets = [...read.headers.keys()];
	if (errors.length) return { errors: sorted(errors, sheets), events: [], items, counts };
	const built = buildEvents(drafts, ctx);
	if (built.errors.length) {
		return { errors: sorted([...errors, ...built.errors], sheets), events: [], items, counts };
	}
	return { errors, events: built.events, items, counts };
}
