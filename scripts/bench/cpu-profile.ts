import type { Page } from '@playwright/test';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
}
interface Profile {
	nodes: ProfileNode[];
	samples?: number[];
	timeDeltas?: number[];
}

/**
 * Samples the page's main thread (Chrome DevTools Protocol) while `during` runs; returns the
 * functions with the most self time, to say what limits the frame rate.
 */
export async function topSelfTime(page: Page, during: () => Promise<void>, top = 15) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
	await cdp.send('Profiler.start');
	await during();
	const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
	await cdp.detach();
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<string, number>();
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	let total = 0;
	samples.forEach((id, i) => {
		const n = byId.get(id);
		const ms = (deltas[i] ?? 0) / 1000;
		total += ms;
		if (!n) return;
		const f = n.callFrame;
		const file = f.url.split('/').pop() ?? '';
		const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
		self.set(key, (self.get(key) ?? 0) + ms);
	});
	return [...self]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([fn, ms]) => ({ fn, ms: Math.round(ms), pct: Math.round((1000 * ms) / total) / 10 }));
}
