import { createHash } from 'node:crypto';
import { JsHeaders, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { headers, nuid } from '@nats-io/transport-node';
import { z } from 'zod';

/**
 * A NATS object store bucket, written in the format of the NATS object store (ADR-20) so the
 * `nats object` tools and the official clients read it too: chunks on `$O.<bucket>.C.<nuid>`,
 * then one info message per object on `$O.<bucket>.M.<base64url(name)>` that rolls up older
 * ones. (`@nats-io/obj` would do the same; these few calls keep the web server's dependencies
 * as they are. Reads use direct get, so no consumer is made per download.)
 */

export class ObjectStoreError extends Error {
	override name = 'ObjectStoreError';
}

/** The stream of a bucket, as the official clients name it. */
export const objectStoreStream = (bucket: string) => `OBJ_${bucket}`;

/** Subjects of a bucket's stream (streams.ts creates it with direct get and rollups allowed). */
export const objectStoreSubjects = (bucket: string) => [`$O.${bucket}.C.>`, `$O.${bucket}.M.>`];

const CHUNK_BYTES = 128 * 1024;

const objectInfo = z.object({
	name: z.string(),
	bucket: z.string(),
	nuid: z.string(),
	size: z.number().int().nonnegative(),
	chunks: z.number().int().nonnegative(),
	digest: z.string(),
	mtime: z.string(),
	deleted: z.boolean().optional(),
	headers: z.record(z.string(), z.array(z.string())).optional(),
	metadata: z.record(z.string(), z.string()).optional()
});
export type ObjectInfo = z.infer<typeof objectInfo>;

/** Base64url with padding: the object store's encoding of names and digests. */
const base64urlPadded = (bytes: Uint8Array) => {
	const s = Buffer.from(bytes).toString('base64url');
	return s + '='.repeat((4 - (s.length % 4)) % 4);
};
const digestOf = (data: Uint8Array) =>
	`SHA-256=${base64urlPadded(createHash('sha256').update(data).digest())}`;

export class ObjectStore {
	private readonly stream: string;

	constructor(
		private readonly js: JetStreamClient,
		private readonly jsm: JetStreamManager,
		readonly bucket: string
	) {
		this.stream = objectStoreStream(bucket);
	}

	private metaSubject(name: string): string {
		return `$O.${this.bucket}.M.${base64urlPadded(new TextEncoder().encode(name))}`;
	}

	/** Stores an object; its info is published only after every chunk is acknowledged. */
	async put(
		name: string,
		data: Uint8Array,
		extra: { contentType?: string; metadata?: Record<string, string> } = {}
	): Promise<ObjectInfo> {
		const id = nuid.next();
		const chunkSubject = `$O.${this.bucket}.C.${id}`;
		let chunks = 0;
		try {
			for (let at = 0; at < data.length; at += CHUNK_BYTES) {
				await this.js.publish(chunkSubject, data.subarray(at, at + CHUNK_BYTES));
				chunks++;
			}
			const info: ObjectInfo = {
				name,
				bucket: this.bucket,
				nuid: id,
				size: data.length,
				chunks,
				digest: digestOf(data),
				mtime: new Date().toISOString(),
				deleted: false,
				...(extra.contentType ? { headers: { 'Content-Type': [extra.contentType] } } : {}),
				...(extra.metadata ? { metadata: extra.metadata } : {})
			};
			const h = headers();
			h.set(JsHeaders.RollupHdr, JsHeaders.RollupValueSubject);
			await this.js.publish(this.metaSubject(name), JSON.stringify(info), { headers: h });
			return info;
		} catch (e) {
			// Chunks without an info message are unreachable: take them back out.
			await this.jsm.streams.purge(this.stream, { filter: chunkSubject }).catch(() => {});
			throw new ObjectStoreError(`put ${name}: ${(e as Error).message}`, { cause: e });
		}
	}

	/** An object's info, or null when there is none (or it was deleted). */
	async info(name: string): Promise<ObjectInfo | null> {
		const m = await this.jsm.direct.getMessage(this.stream, {
			last_by_subj: this.metaSubject(name)
		});
		if (!m) return null;
		const parsed = objectInfo.safeParse(m.json());
		if (!parsed.success) throw new ObjectStoreError(`info ${name}: not an object store entry`);
		return parsed.data.deleted ? null : parsed.data;
	}

	/** An object's bytes, checked against its digest; null when there is none. */
	async get(name: string): Promise<{ info: ObjectInfo; data: Uint8Array<ArrayBuffer> } | null> {
		const info = await this.info(name);
		return info ? { info, data: await this.read(info) } : null;
	}

	/** The bytes of an object whose info was just read (an access check looked at it first). */
	async read(info: ObjectInfo): Promise<Uint8Array<ArrayBuffer>> {
		const name = info.name;
		const data = new Uint8Array(info.size);
		const subject = `$O.${this.bucket}.C.${info.nuid}`;
		let offset = 0;
		let seq = 0;
		for (let i = 0; i < info.chunks; i++) {
			const m = await this.jsm.direct.getMessage(this.stream, { seq, next_by_subj: subject });
			if (!m || offset + m.data.length > data.length) {
				throw new ObjectStoreError(`get ${name}: chunk ${i + 1} of ${info.chunks} is missing`);
			}
			data.set(m.data, offset);
			offset += m.data.length;
			seq = m.seq + 1;
		}
		if (offset !== info.size || digestOf(data) !== info.digest) {
			throw new ObjectStoreError(`get ${name}: its bytes do not match its digest`);
		}
		return data;
	}

	/** Marks an object deleted (as the official clients do) and frees its chunks. */
	async delete(name: string): Promise<void> {
		const info = await this.info(name);
		if (!info) return;
		const h = headers();
		h.set(JsHeaders.RollupHdr, JsHeaders.RollupValueSubject);
		const gone = { ...info, deleted: true, size: 0, chunks: 0, digest: '' };
		await this.js.publish(this.metaSubject(name), JSON.stringify(gone), { headers: h });
		await this.jsm.streams.purge(this.stream, { filter: `$O.${this.bucket}.C.${info.nuid}` });
	}
}
