/** MPEG-TS packets are 188 bytes, each starting with the sync byte 0x47. */
export const TS_PACKET = 188;
const SYNC = 0x47;
/** A GOP longer than this (a source without keyframes) is not kept: a late viewer waits instead. */
const MAX_GOP_BYTES = 4 * 1024 * 1024;

/**
 * Cuts an encoder's byte stream into whole TS packets and keeps what a viewer who arrives now
 * needs to show a picture at once: the latest PAT and PMT (so any demuxer finds the video) and
 * every packet since the last MPEG-1 keyframe (a sequence header or GOP start at the head of a
 * video PES). Without it a new tile would stay black until the next keyframe.
 */
export class GopCache {
	#partial: Buffer = Buffer.alloc(0);
	#gop: Buffer[] = [];
	#gopBytes = 0;
	#hasKeyframe = false;
	readonly #psi = new Map<number, Buffer>();
	readonly #pmtPids = new Set<number>();
	#videoPid: number | undefined;

	/** Takes bytes as they came; returns the whole packets among them (what to send on). */
	push(chunk: Buffer): Buffer {
		let bytes = this.#partial.length ? Buffer.concat([this.#partial, chunk]) : chunk;
		// Realign if the stream does not start with a sync byte (it always should from ffmpeg).
		if (bytes.length > 0 && bytes[0] !== SYNC) {
			const at = findSync(bytes);
			bytes = at < 0 ? Buffer.alloc(0) : bytes.subarray(at);
		}
		const whole = bytes.length - (bytes.length % TS_PACKET);
		this.#partial = Buffer.from(bytes.subarray(whole));
		const out = bytes.subarray(0, whole);
		let gopStart = 0;
		for (let at = 0; at < whole; at += TS_PACKET) {
			if (this.#inspect(out.subarray(at, at + TS_PACKET))) {
				// A new keyframe: what came before it is no longer needed.
				this.#gop = [];
				this.#gopBytes = 0;
				this.#hasKeyframe = true;
				gopStart = at;
			}
		}
		if (this.#hasKeyframe && whole > gopStart) {
			const part = Buffer.from(out.subarray(gopStart, whole));
			this.#gop.push(part);
			this.#gopBytes += part.length;
			if (this.#gopBytes > MAX_GOP_BYTES) {
				this.#gop = [];
				this.#gopBytes = 0;
				this.#hasKeyframe = false;
			}
		}
		return out;
	}

	/** What to send a new viewer before the live packets: PSI, then the current GOP. */
	primer(): Buffer {
		if (!this.#hasKeyframe) return Buffer.alloc(0);
		return Buffer.concat([...this.#psi.values(), ...this.#gop]);
	}

	/** Forgets everything (the source restarted: its old GOP does not continue). */
	reset(): void {
		this.#partial = Buffer.alloc(0);
		this.#gop = [];
		this.#gopBytes = 0;
		this.#hasKeyframe = false;
	}

	/** Reads one packet; true when it starts a keyframe of the video stream. */
	#inspect(p: Buffer): boolean {
		if (p[0] !== SYNC) return false;
		const b1 = p[1] ?? 0;
		const pid = ((b1 & 0x1f) << 8) | (p[2] ?? 0);
		const start = (b1 & 0x40) !== 0;
		const afc = ((p[3] ?? 0) >> 4) & 3;
		if (!(afc & 1)) return false;
		const payload = afc & 2 ? 5 + (p[4] ?? 0) : 4;
		if (payload >= TS_PACKET) return false;
		if (pid === 0) {
			this.#psi.set(pid, Buffer.from(p));
			if (start) this.#readPat(p, payload);
			return false;
		}
		if (this.#pmtPids.has(pid)) {
			this.#psi.set(pid, Buffer.from(p));
			if (start) this.#readPmt(p, payload);
			return false;
		}
		if (!start || pid !== this.#videoPid) return false;
		// PES: 00 00 01 <stream id> <len:2> <flags:2> <header length> …
		if (p[payload] !== 0 || p[payload + 1] !== 0 || p[payload + 2] !== 1) return false;
		const es = payload + 9 + (p[payload + 8] ?? 0);
		for (let i = es; i + 3 < TS_PACKET; i++) {
			if (p[i] === 0 && p[i + 1] === 0 && p[i + 2] === 1) {
				const code = p[i + 3];
				// Sequence header (B3) or GOP (B8): an I-frame follows. A picture (00) or slice: not.
				return code === 0xb3 || code === 0xb8;
			}
		}
		return false;
	}

	#readPat(p: Buffer, payload: number): void {
		const s = payload + 1 + (p[payload] ?? 0);
		const length = (((p[s + 1] ?? 0) & 0x0f) << 8) | (p[s + 2] ?? 0);
		const end = Math.min(s + 3 + length - 4, TS_PACKET);
		for (let i = s + 8; i + 4 <= end; i += 4) {
			const program = ((p[i] ?? 0) << 8) | (p[i + 1] ?? 0);
			const pmt = (((p[i + 2] ?? 0) & 0x1f) << 8) | (p[i + 3] ?? 0);
			if (program !== 0) this.#pmtPids.add(pmt);
		}
	}

	#readPmt(p: Buffer, payload: number): void {
		const s = payload + 1 + (p[payload] ?? 0);
		const length = (((p[s + 1] ?? 0) & 0x0f) << 8) | (p[s + 2] ?? 0);
		const end = Math.min(s + 3 + length - 4, TS_PACKET);
		const infoLength = (((p[s + 10] ?? 0) & 0x0f) << 8) | (p[s + 11] ?? 0);
		for (let i = s + 12 + infoLength; i + 5 <= end;) {
			const type = p[i] ?? 0;
			const pid = (((p[i + 1] ?? 0) & 0x1f) << 8) | (p[i + 2] ?? 0);
			const esInfo = (((p[i + 3] ?? 0) & 0x0f) << 8) | (p[i + 4] ?? 0);
			// MPEG-1 (1) or MPEG-2 (2) video.
			if (type === 1 || type === 2) this.#videoPid = pid;
			i += 5 + esInfo;
		}
	}
}

function findSync(b: Buffer): number {
	for (let i = 0; i + TS_PACKET < b.length; i++) {
		if (b[i] === SYNC && b[i + TS_PACKET] === SYNC) return i;
	}
	return -1;
}
