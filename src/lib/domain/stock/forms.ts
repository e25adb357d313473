import { z } from 'zod';
import { productUpserted, stockMovementRecorded, supplierUpserted } from '../events/stock';

/** A form's answer: the event payload, or the fields to fix (by name, as the form names them). */
export type FormResult<T> = { ok: true; value: T } | { ok: false; fields: string[] };

function parsed<S extends z.ZodType>(schema: S, input: unknown): FormResult<z.infer<S>> {
	const r = schema.safeParse(input);
	if (r.success) return { ok: true, value: r.data };
	return {
		ok: false,
		fields: [...new Set(r.error.issues.map((i) => String(i.path[0] ?? 'form')))]
	};
}

const blank = (v: FormDataEntryValue | undefined) =>
	typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/** Yuan as typed (`12.5`) to fen; anything else is left for the schema to refuse. */
export function yuanToFen(v: string | undefined): number | undefined | typeof NaN {
	if (v === undefined) return undefined;
	return /^\d{1,7}(\.\d{1,2})?$/.test(v) ? Math.round(Number(v) * 100) : NaN;
}

/** The product form (商品): the price in yuan, blank for none; the 停售 box. */
export function productFromForm(f: Record<string, FormDataEntryValue>) {
	const price = yuanToFen(blank(f.price));
	return parsed(productUpserted, {
		sku: blank(f.sku),
		name: blank(f.name),
		category: f.category,
		shelfLifeDays: Number(blank(f.shelfLifeDays) ?? NaN),
		storage: f.storage,
		unit: blank(f.unit),
		...(price === undefined ? {} : { priceFen: Number.isNaN(price) ? -1 : price }),
		...(f.retired === 'on' ? { retired: true } : {})
	}) as FormResult<z.infer<typeof productUpserted>>;
}

/** The supplier form (供应商): the contact is optional, but a name needs its phone and back. */
export function supplierFromForm(f: Record<string, FormDataEntryValue>, supplierId: string) {
	const name = blank(f.contactName);
	const phone = blank(f.contactPhone);
	return parsed(supplierUpserted, {
		supplierId,
		name: blank(f.name),
		licenceNo: blank(f.licenceNo),
		...(name || phone ? { contact: { name, phone } } : {})
	}) as FormResult<z.infer<typeof supplierUpserted>>;
}

/** The kinds of movement a shop records by hand (a recall pull goes through the recall notice). */
export const manualMovementKinds = ['waste', 'return', 'adjustment', 'count'] as const;

/** A stock movement form: one lot, one kind, a quantity and the reason. */
export function movementFromForm(
	f: Record<string, FormDataEntryValue>,
	movementId: string,
	skuOfLot: (lotId: string) => string | undefined
) {
	const lotId = blank(f.lotId) ?? '';
	const kind = z.enum(manualMovementKinds).safeParse(f.kind);
	return parsed(stockMovementRecorded, {
		movementId,
		lotId,
		sku: skuOfLot(lotId),
		kind: kind.success ? kind.data : undefined,
		quantity: Number(blank(f.quantity) ?? NaN),
		reason: blank(f.reason)
	}) as FormResult<z.infer<typeof stockMovementRecorded>>;
}
