import { describe, expect, it } from 'vitest';
import { makeEvent, validateEvent } from './make';
import { uuidv7 } from '../ids';
import { eventTypes, familyOf, fsEvent } from './index';

const base = {
	merchantId: 'm1',
	districtId: '370102',
	actor: { kind: 'system' as const, id: 't' }
};

describe('events', () => {
	it('events - every type has a family that is a subject token', () => {
		for (const type of eventTypes) expect(familyOf(type)).toMatch(/^[a-z]+$/);
	});

	it('events - an unknown type, a bad id or a dotted merchant id are refused', () => {
		const good = makeEvent({
			...base,
			type: 'complaint.filed',
			payload: { complaintId: 'c1', category: 'hygiene', text: '后厨有老鼠', channel: 'qr_page' }
		});
		expect(fsEvent.safeParse(good).success).toBe(true);
		expect(fsEvent.safeParse({ ...good, type: 'complaint.deleted' }).success).toBe(false);
		expect(fsEvent.safeParse({ ...good, id: 'not-a-uuid' }).success).toBe(false);
		expect(fsEvent.safeParse({ ...good, merchantId: 'm1.>' }).success).toBe(false);
		expect(fsEvent.safeParse({ ...good, districtId: '3701' }).success).toBe(false);
	});

	it('events - validation errors name the field', () => {
		const bad = makeEvent({
			...base,
			type: 'ledger.sample_retention.recorded',
			payload: {
				meal: 'lunch',
				dish: '宫保鸡丁',
				weightG: -5,
				storedAt: '2026-11-28T04:00:00Z',
				keeper: '王',
				destroyAfter: '2026-11-30T04:00:00Z'
			}
		});
		expect(() => validateEvent(bad)).toThrow(/payload\.weightG/);
	});

	it('events - a disinfection that ends before it starts is refused', () => {
		const bad = makeEvent({
			...base,
			type: 'ledger.disinfection.recorded',
			payload: {
				target: 'tableware',
				item: '餐具',
				method: 'heat',
				startedAt: '2026-11-28T05:00:00Z',
				endedAt: '2026-11-28T04:00:00Z',
				operator: '李'
			}
		});
		expect(() => validateEvent(bad)).toThrow(/endedAt/);
	});

	it('ids - UUIDv7 carries its time and sorts by it', () => {
		const a = uuidv7(1_700_000_000_000);
		const b = uuidv7(1_700_000_000_001);
		expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(a < b).toBe(true);
		expect(parseInt(a.replace(/-/g, '').slice(0, 12), 16)).toBe(1_700_000_000_000);
	});

	it('events - an occurredAt far in the future or before 2000 is refused', () => {
		const e = makeEvent({
			...base,
			type: 'complaint.filed',
			payload: { complaintId: 'c1', category: 'hygiene', text: '后厨脏乱', channel: 'qr_page' }
		});
		expect(fsEvent.safeParse({ ...e, occurredAt: '9999-01-01T00:00:00Z' }).success).toBe(false);
		expect(fsEvent.safeParse({ ...e, occurredAt: '1999-12-31T00:00:00Z' }).success).toBe(false);
		const minutesAhead = new Date(Date.parse(e.recordedAt) + 10 * 60_000).toISOString();
		expect(fsEvent.safeParse({ ...e, occurredAt: minutesAhead }).success).toBe(true);
	});
});
