import { describe, expect, it } from 'vitest';
import { GopCache, TS_PACKET } from './gop-cache';

/** One TS packet: header, then payload padded with 0xff. */
function packet(pid: number, start: boolean, payload: number[]): Buffer {
	const p = Buffer.alloc(TS_PACKET, 0xff);
	p[0] = 0x47;
	p[1] = (start ? 0x40 : 0) | ((pid >> 8) & 0x1f);
	p[2] = pid & 0xff;
	p[3] = 0x10; // payload only
	Buffer.from(payload).copy(p, 4);
	return p;
}

// PAT: program 1 → PMT on 0x1000.
const pat = packet(0, true, [0, 0x00, 0xb0, 13, 0, 1, 0xc1, 0, 0, 0, 1, 0xf0, 0x00, 0, 0, 0, 0]);
// PMT: MPEG-1 video (type 1) on 0x100.
const pmt = packet(
	0x1000,
	true,
	[0, 0x02, 0xb0, 18, 0, 1, 0xc1, 0, 0, 0xe1, 0x00, 0xf0, 0, 0x01, 0xe1, 0x00, 0xf0, 0, 0, 0, 0, 0]
);
const pes = (es: number[]) => [0, 0, 1, 0xe0, 0, 0, 0x80, 0x80, 5, 0x21, 0, 1, 0, 1, ...es];
const keyframe = (n: number) => packet(0x100, true, [...pes([0, 0, 1, 0xb3]), n]);
const frame = (n: number) => packet(0x100, true, [...pes([0, 0, 1, 0x00]), n]);
const more = (n: number) => packet(0x100, false, [n]);

describe('gop cache', () => {
	it('gop cache - a new viewer gets PAT, PMT and the packets since the last keyframe', () => {
		const cache = new GopCache();
		expect(cache.primer()).toHaveLength(0);
		cache.push(Buffer.concat([pat, pmt, keyframe(1), more(2), frame(3)]));
		cache.push(Buffer.concat([keyframe(4), more(5)]));
		cache.push(frame(6));
		expect(cache.primer()).toEqual(Buffer.concat([pat, pmt, keyframe(4), more(5), frame(6)]));
	});

	it('gop cache - bytes split anywhere come out as whole packets, none lost', () => {
		const cache = new GopCache();
		const all = Buffer.concat([pat, pmt, keyframe(1), more(2), frame(3), keyframe(4)]);
		const cuts = [0, 100, 377, 600, 900, all.length];
		const out = cuts.slice(1).map((cut, i) => cache.push(all.subarray(cuts[i], cut)));
		for (const o of out) expect(o.length % TS_PACKET).toBe(0);
		expect(Buffer.concat(out)).toEqual(all);
		expect(cache.primer()).toEqual(Buffer.concat([pat, pmt, keyframe(4)]));
	});

	it('gop cache - a chunk cut mid-packet is completed by the next', () => {
		const cache = new GopCache();
		const all = Buffer.concat([pat, pmt, keyframe(1), more(2)]);
		const a = cache.push(all.subarray(0, 300));
		const b = cache.push(all.subarray(300));
		expect(a.length).toBe(TS_PACKET);
		expect(Buffer.concat([a, b])).toEqual(all);
		expect(cache.primer()).toEqual(all);
	});

	it('gop cache - a source restart (reset) forgets the old GOP', () => {
		const cache = new GopCache();
		cache.push(Buffer.concat([pat, pmt, keyframe(1)]));
		cache.reset();
		expect(cache.primer()).toHaveLength(0);
		cache.push(Buffer.concat([frame(2), keyframe(3)]));
		expect(cache.primer().subarray(-TS_PACKET)).toEqual(keyframe(3));
	});
});
