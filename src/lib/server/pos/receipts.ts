import { Kvm, type KV } from '@nats-io/kv';
import type { JetStreamClient } from '@nats-io/jetstream';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { jetstream } from '@nats-io/jetstream';
import { nats } from '../nats';

export const POS_RECEIPTS_BUCKET = 'fs_pos_receipts';
/** A POS retries within minutes; a month covers a till that was offline over a holiday. */
const RECEIPT_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** What the API answered for a sale: a retry of the same sale id gets it again. */
export const posReceipt = z.object({
	saleId: z.string(),
	orderId: z.string(),
	eventId: z.string(),
	totalFen: z.number(),
	lines: z.array(
		z.object({ sku: z.string(), lotId: z.string(), quantity: z.number(), unitPriceFen: z.number() })
	)
});
export type PosReceipt = z.infer<typeof posReceipt>;

/**
 * The answers to POS sales, by shop and the POS's own sale id. The event id already makes a
 * retried sale one event (stableEventId); the receipt makes the retry's answer the first one's,
 * even after the lots have moved on.
 */
export class PosReceipts {
	private constructor(private readonly kv: KV) {}

	static async open(js: JetStreamClient): Promise<PosReceipts> {
		return new PosReceipts(
			await new Kvm(js).create(POS_RECEIPTS_BUCKET, { history: 1, ttl: RECEIPT_TTL_MS })
		);
	}

	static key(merchantId: string, saleId: string): string {
		return `sale.${merchantId}.${createHash('sha256').update(saleId).digest('hex').slice(0, 32)}`;
	}

	async get(merchantId: string, saleId: string): Promise<PosReceipt | null> {
		const e = await this.kv.get(PosReceipts.key(merchantId, saleId));
		const parsed = posReceipt.safeParse(e?.operation === 'PUT' ? e.json() : null);
		return parsed.success ? parsed.data : null;
	}

	async put(merchantId: string, receipt: PosReceipt): Promise<void> {
		await this.kv.put(PosReceipts.key(merchantId, receipt.saleId), JSON.stringify(receipt));
	}
}

let receipts: Promise<PosReceipts> | undefined;

export function posReceipts(): Promise<PosReceipts> {
	receipts ??= nats()
		.then(({ nc }) => PosReceipts.open(jetstream(nc)))
		.catch((e: unknown) => {
			receipts = undefined;
			throw e;
		});
	return receipts;
}
