/**
 * Counts the MPEG-1 pictures written into a decoder, from the elementary stream's start codes
 * (00 00 01 00 = picture, 00 00 01 B3 = sequence header). The tile compares it with the pictures
 * decoded to know how far it has fallen behind the live edge. Counting starts at the first
 * sequence header, as the decoder does: pictures before it are never decoded. A start code split
 * across two writes is still found (the last three bytes are carried over).
 */
export class PictureCounter {
	written = 0;
	seenSequence = false;
	#tail = [-1, -1, -1];

	reset(): void {
		this.written = 0;
		this.seenSequence = false;
		this.#tail = [-1, -1, -1];
	}

	write(bytes: Uint8Array): void {
		let [a, b, c] = this.#tail as [number, number, number];
		for (let i = 0; i < bytes.length; i++) {
			const d = bytes[i]!;
			if (a === 0 && b === 0 && c === 1) {
				if (d === 0xb3) this.seenSequence = true;
				else if (d === 0x00 && this.seenSequence) this.written++;
			}
			a = b;
			b = c;
			c = d;
		}
		this.#tail = [a, b, c];
	}
}
