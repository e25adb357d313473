import { z } from 'zod';

/**
 * Ids of merchants, licences, lots… become NATS subject tokens and ClickHouse keys,
 * so they may not contain `.`, `*`, `>` or whitespace.
 */
export const entityId = z
	.string()
	.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 characters of A–Z, a–z, 0–9, _ or -');

/** District ids are GB/T 2260 administrative codes (e.g. 370102 for 历下区). */
export const districtId = z.string().regex(/^\d{6}$/, 'must be a 6-digit administrative code');

const hex = (bytes: Uint8Array) =>
	Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Time-ordered, so
 * ClickHouse keys and NATS dedup ids sort by creation.
 */
// Random bytes drawn in bulk: one getRandomValues call per id costs more than the id itself.
let pool = new Uint8Array(0);
let poolAt = 0;
function randomBytes16(): Uint8Array {
	if (poolAt + 16 > pool.length) {
		pool = crypto.getRandomValues(new Uint8Array(4096));
		poolAt = 0;
	}
	poolAt += 16;
	return pool.subarray(poolAt - 16, poolAt);
}

export function uuidv7(now: number = Date.now(), random?: Uint8Array): string {
	const bytes = random ?? randomBytes16();
	const b = new Uint8Array(16);
	b.set(bytes.subarray(0, 16));
	let ms = now;
	for (let i = 5; i >= 0; i--) {
		b[i] = ms % 256;
		ms = Math.floor(ms / 256);
	}
	b[6] = 0x70 | ((b[6] ?? 0) & 0x0f);
	b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
	const h = hex(b);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
