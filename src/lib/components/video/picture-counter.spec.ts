import { describe, expect, it } from 'vitest';
import { PictureCounter } from './picture-counter';

const seq = [0, 0, 1, 0xb3, 0x28, 0x01, 0x68];
const pic = [0, 0, 1, 0x00, 0x00, 0x08];

describe('picture counter', () => {
	it('counts pictures after the first sequence header only', () => {
		const c = new PictureCounter();
		c.write(new Uint8Array([...pic, ...pic]));
		expect(c.written).toBe(0);
		c.write(new Uint8Array([...seq, ...pic, 7, 7, ...pic]));
		expect(c.written).toBe(2);
	});

	it('finds a start code split across writes', () => {
		const c = new PictureCounter();
		c.write(new Uint8Array(seq));
		c.write(new Uint8Array([9, 0, 0]));
		c.write(new Uint8Array([1]));
		c.write(new Uint8Array([0, 5]));
		expect(c.written).toBe(1);
		c.reset();
		c.write(new Uint8Array(pic));
		expect(c.written).toBe(0);
	});
});
