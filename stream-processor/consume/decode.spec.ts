import { describe, expect, it } from 'vitest';
import { sale } from '../../tests/helpers/events';
import { decodeEvent } from './decode';
import { RecentIds } from './dedup';

const bytes = (v: unknown) =>
	new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

describe('decodeEvent', () => {
	it('consume - a valid event on its own subject decodes', () => {
		const e = sale('m1');
		expect(decodeEvent(bytes(e), 'fs.ev.till.370102.m1')).toMatchObject({
			ok: true,
			event: { id: e.id }
		});
	});

	it('consume - each kind of bad input has its own reason', () => {
		expect(decodeEvent(bytes('{oops'), 'fs.ev.till.370102.m1')).toEqual({
			ok: false,
			reason: 'not JSON'
		});
		const e = sale('m1');
		expect(decodeEvent(bytes({ ...e, v: 0 }), 'fs.ev.till.370102.m1')).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/^schema: v:/)
		});
		expect(decodeEvent(bytes(e), 'fs.ev.till.370102.m2')).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/does not match/)
		});
		expect(decodeEvent(bytes(e), 'fs.ev.ledger.370102.m1')).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/family ledger/)
		});
	});
});

describe('RecentIds', () => {
	it('consume - keeps the newest ids up to its capacity', () => {
		const r = new RecentIds(2);
		r.add('a');
		r.add('b');
		r.add('c');
		expect([r.has('a'), r.has('b'), r.has('c'), r.size]).toEqual([false, true, true, 2]);
	});
});
