/**
 * The worker that decodes tiles: a wall's pictures are decoded and drawn here, off the page's
 * main thread (which stays free for the page itself), several tiles per worker. jsmpeg was written
 * for a window: it reads `window.performance` and `window.atob`, which a worker has on `self`.
 */
import './worker-window';
import { TileDecoder } from './tile-decoder';
import type { FromDecoder, ToDecoder } from './tile-messages';

const decoders = new Map<number, TileDecoder>();
const post = (m: FromDecoder) => self.postMessage(m);

self.onmessage = (ev: MessageEvent<ToDecoder>) => {
	const m = ev.data;
	if (m.type === 'attach') {
		decoders.set(m.slot, new TileDecoder(m.slot, m.canvas, post));
		return;
	}
	const decoder = decoders.get(m.slot);
	if (!decoder) return;
	switch (m.type) {
		case 'open':
			decoder.open(m.generation, m.url).catch(() => {
				post({ type: 'closed', slot: m.slot, generation: m.generation, code: 1006 });
			});
			break;
		case 'stop':
			decoder.stop(m.generation, m.keep);
			break;
		case 'send':
			decoder.send(m.message);
			break;
		case 'detach':
			decoder.destroy();
			decoders.delete(m.slot);
			break;
	}
};

// Drawing follows the display: when the compositor is behind, animation frames come slower and
// fewer pictures are drawn (each still decoded), instead of a queue of drawings building up.
function frame(): void {
	for (const d of decoders.values()) d.frame();
	requestAnimationFrame(frame);
}
requestAnimationFrame(frame);

setInterval(() => {
	const now = performance.now();
	for (const d of decoders.values()) d.tick(now);
}, 250);
