import { z } from 'zod';

/** A stock lot (批次) as the read API answers it: what came in with a purchase, and when it expires. */
export const storedLot = z.object({
	lotId: z.string(),
	sku: z.string(),
	productName: z.string(),
	supplierId: z.string(),
	supplierName: z.string(),
	quantity: z.number(),
	unit: z.string(),
	productionDate: z.iso.date(),
	expiresOn: z.iso.date(),
	receivedAt: z.string()
});
export type StoredLot = z.infer<typeof storedLot>;

/** `/api/merchants/:id/lots?from=&to=`: a merchant's lots expiring in that window, soonest first. */
export const lotList = z.object({ items: z.array(storedLot) });
