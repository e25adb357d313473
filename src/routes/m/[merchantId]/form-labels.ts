import type { z } from 'zod';
import type {
	productUpserted,
	stockMovementRecorded,
	supplierUpserted
} from '$lib/domain/events/stock';
import type { MessageKey } from '$lib/i18n';

/**
 * A refused form names the payload's fields (`priceFen`); a shop owner knows the boxes by the
 * labels the form shows (菜单价格（元）). One table per form, typed by its event payload, so a
 * new payload field does not compile until it has a label.
 */
export type FieldLabels = Readonly<Record<string, MessageKey>>;

type Labels<T> = Record<keyof T | 'form', MessageKey>;

/** What a refusal names that is no box of its own (a stale page's hidden id, a whole-form rule). */
const form = 'shopStock.field.form';

export const productLabels = {
	sku: 'products.sku',
	name: 'products.name',
	category: 'products.category',
	shelfLifeDays: 'products.shelfLifeDays',
	storage: 'products.storage',
	unit: 'products.unit',
	priceFen: 'products.price',
	retired: 'products.retired',
	form
} as const satisfies Labels<z.infer<typeof productUpserted>>;

export const supplierLabels = {
	// A new supplier's id is made from its name.
	supplierId: 'suppliers.name',
	name: 'suppliers.name',
	licenceNo: 'suppliers.licenceNo',
	contact: 'suppliers.contact',
	form
} as const satisfies Labels<z.infer<typeof supplierUpserted>>;

export const movementLabels = {
	movementId: form,
	formId: form,
	lotId: 'stock.lot',
	// The lot's product: missing when the lot is not (or no longer) on the shelf.
	sku: 'stock.lot',
	kind: 'stock.kind',
	quantity: 'stock.quantity',
	reason: 'stock.reason',
	recallId: 'stock.kind',
	form
} as const satisfies Labels<z.infer<typeof stockMovementRecorded> & { formId: string }>;

export const posKeyLabels = {
	label: 'posKeys.label',
	keyId: 'posKeys.title',
	form
} as const satisfies FieldLabels;

/** The label keys of the wrong fields, each once, in the order given; an unknown name is the form. */
export function wrongLabelKeys(fields: Iterable<string>, labels: FieldLabels): MessageKey[] {
	const keyOf = (f: string) => (Object.hasOwn(labels, f) ? labels[f] : undefined) ?? form;
	return [...new Set([...fields].map(keyOf))];
}
