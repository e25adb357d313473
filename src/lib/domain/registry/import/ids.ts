import { uuidv7 } from '../../ids';

/**
 * A 32-bit string hash (murmur3's finaliser over FNV-style steps), seeded. Not cryptographic:
 * it only has to spread ids that are already unique by construction (batch, row).
 */
function hash32(text: string, seed: number): number {
	let h = seed ^ 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** `n` (≤ 32) bytes derived from the text: four independently seeded hashes per 16 bytes. */
export function hashBytes(text: string, n = 16): Uint8Array {
	const out = new Uint8Array(n);
	for (let i = 0; i < n; i += 4) {
		const h = hash32(text, 0x9e3779b9 * (i + 1));
		for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (h >>> (8 * j)) & 0xff;
	}
	return out;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/**
 * The event id of one row of a batch: the same for every publish of that batch, so a retried
 * or doubled confirm is dropped by JetStream's dedup (and by the store's idempotence later).
 * Its time part is the batch's, so ids still sort by when the batch was made.
 */
export function importEventId(batchId: string, index: number, createdAt: number): string {
	return uuidv7(createdAt, hashBytes(`${batchId}#${index}`));
}

/** A merchant registered by import is known by its credit code: re-importing finds the same one. */
export const merchantIdFor = (creditCode: string) => `m-${creditCode}`;
/** A licence by its number within the merchant; a person by name within the merchant. */
export const licenceIdFor = (merchantId: string, number: string) =>
	`lic-${hex(hashBytes(`${merchantId}\n${number}`, 8))}`;
export const staffIdFor = (merchantId: string, name: string) =>
	`stf-${hex(hashBytes(`${merchantId}\n${name}`, 8))}`;
