import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { planRetention, type Deletion } from './retention';
import { listStored } from './segment-store';

export interface SweeperOptions {
	recDir: string;
	/** A camera's retention in days; undefined for cameras no longer known (the default applies). */
	retentionDays: (cameraId: string) => number | undefined;
	/** Cap of the recordings folder in bytes; 0 = no cap. */
	quotaBytes: number;
	/** How often to sweep. */
	intervalMs: number;
	log: (m: string) => void;
	now?: () => number;
}

/** One pass: list, plan, delete. Returns what it deleted. */
export async function sweepOnce(o: Omit<SweeperOptions, 'intervalMs'>): Promise<Deletion[]> {
	const { segments, writingBytes } = await listStored(o.recDir);
	const plan = planRetention(segments, {
		nowMs: (o.now ?? Date.now)(),
		retentionDays: o.retentionDays,
		quotaBytes: o.quotaBytes,
		writingBytes
	});
	for (const d of plan) await rm(join(o.recDir, d.path), { force: true });
	if (plan.length) {
		const byReason = (r: Deletion['reason']) => plan.filter((d) => d.reason === r).length;
		o.log(`retention: deleted ${byReason('age')} segments by age, ${byReason('quota')} by quota`);
	}
	return plan;
}

/** Sweeps now and then every interval until stopped; one pass at a time. */
export function startSweeper(o: SweeperOptions): { stop(): Promise<void> } {
	let running: Promise<unknown> = Promise.resolve();
	let busy = false;
	let stopped = false;
	const tick = () => {
		if (busy || stopped) return;
		busy = true;
		running = sweepOnce(o)
			.catch((e: unknown) => o.log(`retention: ${(e as Error).message}`))
			.finally(() => (busy = false));
	};
	tick();
	const timer = setInterval(tick, o.intervalMs);
	timer.unref();
	return {
		async stop() {
			stopped = true;
			clearInterval(timer);
			await running;
		}
	};
}
