import { z } from 'zod';
import { entityId } from '../ids';
import { fen, isoDate, shortText } from './common';

export const saleLine = z.object({
	sku: entityId,
	productName: shortText(100),
	/** The stock lot the unit came from: the link that makes recall and trace possible. */
	lotId: entityId,
	/** The lot's expiry as the till knows it; the processor also checks its own lot state. */
	expiresOn: isoDate.optional(),
	quantity: z.number().positive().max(100_000),
	unitPriceFen: fen
});

export const paymentMethod = z.enum(['cash', 'mobile', 'card', 'member']);

export const tillSaleRecorded = z.object({
	orderId: entityId,
	lines: z.array(saleLine).min(1).max(200),
	totalFen: fen,
	payment: paymentMethod
});
export type TillSale = z.infer<typeof tillSaleRecorded>;
