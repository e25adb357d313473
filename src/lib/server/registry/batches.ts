import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { JetStreamClient } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { z } from 'zod';

export const IMPORT_BUCKET = 'fs_import_batches';
/** A previewed batch waits this long for its confirm. */
export const BATCH_TTL_MS = 60 * 60 * 1000;
// A KV value is one NATS message (1 MB by default): a big batch is stored in chunks.
const CHUNK_BYTES = 512 * 1024;

/** A validated batch between preview and confirm: exactly what the confirm publishes. */
export const importBatch = z.object({
	batchId: z.string().regex(/^[0-9a-f]{64}$/),
	username: z.string(),
	createdAt: z.number(),
	fileName: z.string(),
	counts: z.object({
		newMerchants: z.number(),
		updatedMerchants: z.number(),
		licences: z.number(),
		staff: z.number()
	}),
	/** Districts the events write to: the confirm checks them against the scope again. */
	districts: z.array(z.string()),
	/** Checked again, one by one, by the publisher. */
	events: z.array(z.unknown())
});
export type ImportBatch = z.infer<typeof importBatch>;

const manifest = z.object({ chunks: z.number().int().positive(), sha256: z.string() });
const status = z.object({ publishedAt: z.string() });

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The batch of one file for one user: the same file previewed again replaces it. */
export function batchIdOf(file: Uint8Array, username: string): string {
	return createHash('sha256').update(sha256(file)).update('\n').update(username).digest('hex');
}

export class BatchStore {
	private constructor(private readonly kv: KV) {}

	static async open(js: JetStreamClient): Promise<BatchStore> {
		return new BatchStore(
			await new Kvm(js).create(IMPORT_BUCKET, { history: 1, ttl: BATCH_TTL_MS })
		);
	}

	async put(batch: ImportBatch): Promise<void> {
		const zipped = gzipSync(JSON.stringify(batch));
		const chunks = Math.max(1, Math.ceil(zipped.byteLength / CHUNK_BYTES));
		await this.kv.delete(`${batch.batchId}.done`).catch(() => {});
		for (let i = 0; i < chunks; i++) {
			await this.kv.put(
				`${batch.batchId}.c${i}`,
				zipped.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES)
			);
		}
		// The manifest last: a reader never sees a batch whose chunks are not all there.
		await this.kv.put(`${batch.batchId}.m`, JSON.stringify({ chunks, sha256: sha256(zipped) }));
	}

	/** The batch, or null when it expired, never existed or does not add up. */
	async get(batchId: string): Promise<ImportBatch | null> {
		const entry = await this.kv.get(`${batchId}.m`);
		if (!entry || entry.operation !== 'PUT') return null;
		const m = manifest.safeParse(JSON.parse(entry.string()));
		if (!m.success) return null;
		const parts: Uint8Array[] = [];
		for (let i = 0; i < m.data.chunks; i++) {
			const e = await this.kv.get(`${batchId}.c${i}`);
			if (!e || e.operation !== 'PUT') return null;
			parts.push(e.value);
		}
		const zipped = Buffer.concat(parts);
		if (sha256(zipped) !== m.data.sha256) return null;
		const parsed = importBatch.safeParse(JSON.parse(gunzipSync(zipped).toString('utf8')));
		return parsed.success ? parsed.data : null;
	}

	/** When this batch was fully published, if it was. */
	async publishedAt(batchId: string): Promise<string | null> {
		const e = await this.kv.get(`${batchId}.done`);
		if (!e || e.operation !== 'PUT') return null;
		const s = status.safeParse(JSON.parse(e.string()));
		return s.success ? s.data.publishedAt : null;
	}

	async markPublished(batchId: string, at = new Date()): Promise<void> {
		await this.kv.put(`${batchId}.done`, JSON.stringify({ publishedAt: at.toISOString() }));
	}
}
