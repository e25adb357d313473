import { z } from 'zod';
import { expiryOf } from './purchase';

/** The purchase form's text fields, by their input names. */
export const purchaseFields = [
	'supplierName',
	'productName',
	'batchNo',
	'quantity',
	'unit',
	'productionDate',
	'shelfLifeDays',
	'expiresOn',
	'certificateRef'
] as const;
export type PurchaseField = (typeof purchaseFields)[number] | 'photos';

/** Why a field was refused; the page words each one next to its field. */
export type FieldProblem =
	| 'required'
	| 'too_long'
	| 'number'
	| 'date'
	| 'future'
	| 'before_production'
	| 'expired'
	| 'shelf_life'
	| 'too_many'
	| 'too_large'
	| 'not_image'
	| 'unavailable';

export type FieldProblems = Partial<Record<PurchaseField, FieldProblem>>;

export interface PurchaseInput {
	supplierName: string;
	productName: string;
	batchNo: string;
	quantity: number;
	unit: string;
	productionDate: string;
	expiresOn: string;
	certificateRef?: string;
}

const isoDay = z.iso.date();
/** Ten years: longer shelf lives (salt, canned goods) are typed as an expiry date. */
const MAX_SHELF_LIFE_DAYS = 3_650;

/**
 * Reads the form as typed: every problem at once, each on its field. Shelf life in days or an
 * expiry date may be given (the other is computed); expired goods are refused at intake, as
 * the 进货查验 duty requires.
 */
export function parsePurchaseForm(
	fields: Partial<Record<string, string>>,
	today: string
): { ok: true; value: PurchaseInput } | { ok: false; problems: FieldProblems } {
	const problems: FieldProblems = {};
	const text = (name: PurchaseField & keyof typeof fields, max: number, required = true) => {
		const v = (fields[name] ?? '').trim();
		if (v === '') {
			if (required) problems[name] = 'required';
			return '';
		}
		if (v.length > max) problems[name] = 'too_long';
		return v;
	};
	const supplierName = text('supplierName', 100);
	const productName = text('productName', 100);
	const batchNo = text('batchNo', 50);
	const unit = text('unit', 10);
	const certificateRef = text('certificateRef', 100, false);

	const quantity = Number(text('quantity', 12));
	if (!problems.quantity && !(quantity > 0 && quantity <= 1_000_000)) problems.quantity = 'number';

	const productionDate = text('productionDate', 10);
	if (!problems.productionDate) {
		if (!isoDay.safeParse(productionDate).success) problems.productionDate = 'date';
		else if (productionDate > today) problems.productionDate = 'future';
	}

	const rawExpiry = (fields.expiresOn ?? '').trim();
	const rawDays = (fields.shelfLifeDays ?? '').trim();
	let expiresOn = '';
	if (rawExpiry !== '') {
		if (!isoDay.safeParse(rawExpiry).success) problems.expiresOn = 'date';
		else expiresOn = rawExpiry;
	} else if (rawDays !== '') {
		const days = Number(rawDays);
		if (!Number.isInteger(days) || days < 1 || days > MAX_SHELF_LIFE_DAYS) {
			problems.shelfLifeDays = 'number';
		} else if (!problems.productionDate) {
			expiresOn = expiryOf(productionDate, days);
		}
	} else {
		problems.expiresOn = 'shelf_life';
	}
	if (expiresOn && !problems.productionDate) {
		if (expiresOn < productionDate) problems.expiresOn = 'before_production';
		else if (expiresOn < today) problems.expiresOn = 'expired';
	}

	if (Object.keys(problems).length > 0) return { ok: false, problems };
	return {
		ok: true,
		value: {
			supplierName,
			productName,
			batchNo,
			quantity,
			unit,
			productionDate,
			expiresOn,
			...(certificateRef ? { certificateRef } : {})
		}
	};
}
