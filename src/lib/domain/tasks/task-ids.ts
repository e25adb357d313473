import { hash32 } from '../rng';

/** 64 bits of hash as hex: ids fixed by what they stand for, so making one twice is one. */
export function stableHex(text: string): string {
	return [hash32(text), hash32(`salt\n${text}`)]
		.map((h) => h.toString(16).padStart(8, '0'))
		.join('');
}

/** A plan's task for one merchant in one period: running the plan again names the same task. */
export const planTaskId = (planId: string, period: string, merchantId: string) =>
	`p-${stableHex(`${planId}|${period}|${merchantId}`)}`;

/** A draw's task for one pick: publishing the draw again names the same tasks. */
export const drawTaskId = (drawId: string, merchantId: string) =>
	`d-${stableHex(`${drawId}|${merchantId}`)}`;

/** The follow-up of an inspection with rectification items: one per inspection. */
export const followUpTaskId = (inspectionId: string) => `f-${stableHex(inspectionId)}`;
