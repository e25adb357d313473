import { setImmediate as yieldToLoop } from 'node:timers/promises';

/**
 * Rescores every merchant (after a settings change, or the nightly decay) in slices of a few
 * milliseconds, giving the event loop back between slices: live events keep flowing while
 * 100,000 scores are recomputed, instead of waiting a second or more behind one loop.
 */
export async function rescoreInSlices<T>(
	items: Iterable<T>,
	scoreOne: (item: T) => void,
	{ sliceMs = 8, now = () => performance.now() } = {}
): Promise<{ count: number; slices: number; ms: number }> {
	const started = now();
	let count = 0;
	let slices = 1;
	let sliceStart = started;
	for (const item of items) {
		scoreOne(item);
		count++;
		// Checking the clock costs more than a score: look every 64 items.
		if ((count & 63) === 0 && now() - sliceStart >= sliceMs) {
			await yieldToLoop();
			slices++;
			sliceStart = now();
		}
	}
	return { count, slices, ms: now() - started };
}
