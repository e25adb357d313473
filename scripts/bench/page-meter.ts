import type { Browser, CDPSession, Page } from '@playwright/test';

/** One measuring window in the page: frames, redraws, main-thread load and heap. */
export interface PageWindow {
	seconds: number;
	fps: number;
	/** Frames more than 25 ms after the previous one (a missed vsync or worse). */
	jankyFramePct: number;
	maxFrameGapMs: number;
	baseRedrawsPerSec: number;
	flashRedrawsPerSec: number;
	recolouredPerSec: number;
	/** Share of the window spent in tasks over 50 ms (the longtask API). */
	longTaskPct: number;
	/** 1 − the idle time the browser offered (requestIdleCallback): main-thread busy share. */
	busyPct: number;
	heapMB: number | null;
	/** Main-thread time per second in tasks, and of it in script, layout and style (ms/s). */
	taskMsPerSec: number;
	scriptMsPerSec: number;
	layoutMsPerSec: number;
	styleMsPerSec: number;
	/** CPU time of the page's renderer and the GPU (software GL) processes, % of one core. */
	rendererCpuPct: number;
	gpuCpuPct: number;
}

/**
 * Installs the meters in the page: a requestAnimationFrame counter (frames and gaps), a
 * PerformanceObserver for long tasks, a requestIdleCallback loop summing idle time. The map's
 * own counters (deck.gl redraws, points recoloured) are read from its data attributes.
 */
export async function installMeter(page: Page, browser: Browser): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	sessions.set(page, { page: cdp, browser: await browser.newBrowserCDPSession() });
	await readCdp(page);
	await page.evaluate(INSTALL);
}

const sessions = new WeakMap<Page, { page: CDPSession; browser: CDPSession }>();
type Cdp = Record<'task' | 'script' | 'layout' | 'style' | 'renderer' | 'gpu', number>;
const lastCdp = new WeakMap<Page, Cdp>();

/** Cumulative seconds: the main thread's (DevTools metrics) and the processes' CPU. */
async function readCdp(page: Page): Promise<Cdp> {
	const s = sessions.get(page);
	if (!s) throw new Error('meter not installed');
	const { metrics } = (await s.page.send('Performance.getMetrics')) as {
		metrics: { name: string; value: number }[];
	};
	const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? 0;
	const info = (await s.browser.send('SystemInfo.getProcessInfo')) as {
		processInfo: { type: string; cpuTime: number }[];
	};
	const cpu = (type: string) =>
		info.processInfo.filter((p) => p.type === type).reduce((a, p) => a + p.cpuTime, 0);
	return {
		task: m('TaskDuration'),
		script: m('ScriptDuration'),
		layout: m('LayoutDuration'),
		style: m('RecalcStyleDuration'),
		renderer: cpu('renderer'),
		gpu: cpu('GPU')
	};
}

// Page code as text: tsx would wrap functions passed to page.evaluate with its own helpers.
const INSTALL = `(() => {
	const m = { start: performance.now(), frames: 0, janky: 0, maxGap: 0, last: performance.now(), longMs: 0, idleMs: 0 };
	window.__meter = m;
	const frame = (t) => {
		const gap = t - m.last;
		m.last = t;
		m.frames++;
		if (gap > 25) m.janky++;
		m.maxGap = Math.max(m.maxGap, gap);
		requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) m.longMs += e.duration;
	}).observe({ type: 'longtask' });
	const idle = (d) => {
		m.idleMs += d.timeRemaining();
		requestIdleCallback(idle);
	};
	requestIdleCallback(idle);
})()`;

const TAKE = `(() => {
	const m = window.__meter;
	const now = performance.now();
	const map = document.querySelector('[data-testid="district-map"]');
	const num = (k) => Number((map && map.dataset[k]) || 0);
	const out = {
		elapsed: now - m.start,
		frames: m.frames,
		janky: m.janky,
		maxGap: m.maxGap,
		longMs: m.longMs,
		idleMs: m.idleMs,
		base: num('baseRedraws'),
		flash: num('flashRedraws'),
		recoloured: num('recoloured'),
		heap: performance.memory ? performance.memory.usedJSHeapSize : null
	};
	Object.assign(m, { start: now, frames: 0, janky: 0, maxGap: 0, longMs: 0, idleMs: 0 });
	return out;
})()`;

interface Raw {
	elapsed: number;
	frames: number;
	janky: number;
	maxGap: number;
	longMs: number;
	idleMs: number;
	base: number;
	flash: number;
	recoloured: number;
	heap: number | null;
}

/** The figures since the last take (or the install), and starts a new window. */
export async function takeWindow(page: Page): Promise<PageWindow> {
	const r = (await page.evaluate(TAKE)) as Raw;
	const c = await readCdp(page);
	const c0 = lastCdp.get(page) ?? c;
	lastCdp.set(page, c);
	const perSec = (k: keyof Cdp) => Math.round((1e6 * (c[k] - c0[k])) / r.elapsed);
	const cpuPct = (k: keyof Cdp) => Math.round((1e5 * (c[k] - c0[k])) / r.elapsed);
	const s = r.elapsed / 1000;
	const prev = counters.get(page) ?? { base: 0, flash: 0, recoloured: 0 };
	counters.set(page, { base: r.base, flash: r.flash, recoloured: r.recoloured });
	const pct = (ms: number) => Math.round((1000 * ms) / r.elapsed) / 10;
	return {
		seconds: Math.round(s * 10) / 10,
		fps: Math.round((10 * r.frames) / s) / 10,
		jankyFramePct: r.frames ? Math.round((1000 * r.janky) / r.frames) / 10 : 0,
		maxFrameGapMs: Math.round(r.maxGap),
		baseRedrawsPerSec: Math.round((10 * (r.base - prev.base)) / s) / 10,
		flashRedrawsPerSec: Math.round((10 * (r.flash - prev.flash)) / s) / 10,
		recolouredPerSec: Math.round((r.recoloured - prev.recoloured) / s),
		longTaskPct: pct(r.longMs),
		busyPct: Math.max(0, Math.round(1000 - (1000 * r.idleMs) / r.elapsed) / 10),
		heapMB: r.heap === null ? null : Math.round(r.heap / 1e5) / 10,
		taskMsPerSec: perSec('task'),
		scriptMsPerSec: perSec('script'),
		layoutMsPerSec: perSec('layout'),
		styleMsPerSec: perSec('style'),
		rendererCpuPct: cpuPct('renderer'),
		gpuCpuPct: cpuPct('gpu')
	};
}
const counters = new WeakMap<Page, { base: number; flash: number; recoloured: number }>();

/** The windows of a phase as one: frames and time weighted, the heap at the end. */
export function combine(ws: PageWindow[]): PageWindow {
	const total = ws.reduce((a, w) => a + w.seconds, 0) || 1;
	const avg = (k: keyof PageWindow) =>
		Math.round((10 * ws.reduce((a, w) => a + (w[k] as number) * w.seconds, 0)) / total) / 10;
	return {
		seconds: Math.round(total * 10) / 10,
		fps: avg('fps'),
		jankyFramePct: avg('jankyFramePct'),
		maxFrameGapMs: Math.max(0, ...ws.map((w) => w.maxFrameGapMs)),
		baseRedrawsPerSec: avg('baseRedrawsPerSec'),
		flashRedrawsPerSec: avg('flashRedrawsPerSec'),
		recolouredPerSec: Math.round(avg('recolouredPerSec')),
		longTaskPct: avg('longTaskPct'),
		busyPct: avg('busyPct'),
		heapMB: ws.at(-1)?.heapMB ?? null,
		taskMsPerSec: Math.round(avg('taskMsPerSec')),
		scriptMsPerSec: Math.round(avg('scriptMsPerSec')),
		layoutMsPerSec: Math.round(avg('layoutMsPerSec')),
		styleMsPerSec: Math.round(avg('styleMsPerSec')),
		rendererCpuPct: Math.round(avg('rendererCpuPct')),
		gpuCpuPct: Math.round(avg('gpuCpuPct'))
	};
}
