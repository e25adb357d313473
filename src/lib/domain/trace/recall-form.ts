import { z } from 'zod';
import { entityId } from '../ids';
import { isoDate, shortText } from '../events/common';
import { supplierLot, type SupplierLot } from '../events/recall';
import type { LotAccount } from './contracts';

const optional = <S extends z.ZodType>(s: S) =>
	z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), s.optional());

/** The supplier lot as the trace form asks for it (empty fields are absent). */
export const supplierLotForm = z
	.object({
		supplierId: entityId,
		batchNo: optional(shortText(50)),
		sku: optional(entityId),
		productionDate: optional(isoDate)
	})
	.pipe(supplierLot);

/** 发起召回: what the supervisor types, and the form's own id (a second submit is the same recall). */
export const openRecallForm = z.object({
	formId: entityId,
	title: shortText(100),
	level: z.enum(['1', '2', '3']),
	reason: shortText(1000),
	publicNotice: shortText(300)
});
export type OpenRecallForm = z.infer<typeof openRecallForm>;

/** A shop's report on one recalled lot; with a pull it also moves the stock. */
export const lotAccountForm = z.object({
	formId: entityId,
	recallId: entityId,
	lotId: entityId,
	pulled: z.coerce.number().nonnegative().max(1_000_000),
	disposition: z.enum(['returned', 'destroyed', 'sealed', 'none_left']),
	note: optional(shortText(300))
});
export type LotAccountForm = z.infer<typeof lotAccountForm>;

/** 结束召回: the supervisor says why the recall ends (the note goes on every shop's record). */
export const closeRecallForm = z.object({ note: shortText(300) });

/** One recall.opened per affected shop: its own lots of the traced supplier lot. */
export interface RecallOpening {
	merchantId: string;
	districtId: string;
	payload: {
		recallId: string;
		title: string;
		reason: string;
		level: '1' | '2' | '3';
		lots: SupplierLot[];
		merchantLotIds: string[];
		publicNotice: string;
	};
}

/**
 * The openings of a recall from a forward trace: every shop that received the supplier lot, with
 * its lots of it, whether any is left (a shop that sold it all still answers "none left").
 */
export function recallOpenings(
	recallId: string,
	form: OpenRecallForm,
	lot: SupplierLot,
	items: readonly Pick<LotAccount, 'merchantId' | 'districtId' | 'lotId'>[]
): RecallOpening[] {
	const byMerchant = new Map<string, RecallOpening>();
	for (const i of items) {
		let o = byMerchant.get(i.merchantId);
		if (!o) {
			o = {
				merchantId: i.merchantId,
				districtId: i.districtId,
				payload: {
					recallId,
					title: form.title,
					reason: form.reason,
					level: form.level,
					lots: [lot],
					merchantLotIds: [],
					publicNotice: form.publicNotice
				}
			};
			byMerchant.set(i.merchantId, o);
		}
		if (!o.payload.merchantLotIds.includes(i.lotId)) o.payload.merchantLotIds.push(i.lotId);
	}
	return [...byMerchant.values()];
}
