import { createHash } from 'node:crypto';

/**
 * An event id fixed by what the event stands for (a UUID of version 8 from a hash): an event the
 * system may make again — after a restart, a redelivery, a second click — is then the same
 * event, and NATS dedup plus the processor's recent ids keep it one.
 */
export function stableEventId(text: string): string {
	const h = createHash('sha256').update(text).digest();
	h[6] = (h[6]! & 0x0f) | 0x80;
	h[8] = (h[8]! & 0x3f) | 0x80;
	const x = h.subarray(0, 16).toString('hex');
	return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
