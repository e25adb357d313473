import { z } from 'zod';
import { productCategory, storageCondition } from '../events/stock';

/**
 * The shop's catalogue as the read API answers it (`GET /api/merchants/:id/products` and
 * `/suppliers`): the newest upsert of each. Read by the shop's own pages and by regulators of
 * its district; a supplier's contact is a person's and never goes to a public page.
 */
export const storedProduct = z.object({
	sku: z.string(),
	name: z.string(),
	category: productCategory,
	shelfLifeDays: z.number(),
	storage: storageCondition,
	unit: z.string(),
	priceFen: z.number().nullable(),
	retired: z.boolean(),
	updatedAt: z.string()
});
export type StoredProduct = z.infer<typeof storedProduct>;
export const productList = z.object({ items: z.array(storedProduct) });

export const storedSupplier = z.object({
	supplierId: z.string(),
	name: z.string(),
	licenceNo: z.string(),
	contact: z.object({ name: z.string(), phone: z.string() }).nullable(),
	/** How many lots the shop received from it, and the latest intake (null when none). */
	lots: z.number(),
	lastDeliveryAt: z.string().nullable(),
	updatedAt: z.string()
});
export type StoredSupplier = z.infer<typeof storedSupplier>;
export const supplierList = z.object({ items: z.array(storedSupplier) });
