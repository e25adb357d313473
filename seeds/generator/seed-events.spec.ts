import { describe, expect, it } from 'vitest';
import { fsEvent } from '../../src/lib/domain/index';
import { generateDistrict } from './district';
import { seedEvents } from './seed-events';

const today = '2026-11-28';
const now = Date.parse('2026-11-28T01:00:00Z');
const district = generateDistrict({ seed: 20261128, today });
const events = seedEvents(district, now);

describe('seed events', () => {
	it('seed events - every event parses with fsEvent and comes from the simulator', () => {
		for (const e of events) {
			const parsed = fsEvent.safeParse(e);
			expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
			expect(e.actor.kind).toBe('simulator');
		}
	});

	it('seed events - one registration and one licence per merchant, lots for each', () => {
		const count = (type: string) => events.filter((e) => e.type === type).length;
		expect(count('merchant.registered')).toBe(2_000);
		expect(count('licence.issued')).toBe(2_000);
		expect(count('ledger.purchase.recorded')).toBeGreaterThanOrEqual(2_000);
		// Every SKU a shop holds is a priced product of its till and table menu.
		expect(count('stock.product.upserted')).toBeGreaterThanOrEqual(2_000);
	});

	it('seed events - ids are UUIDv7, unique, and the same for a republished seed', () => {
		const ids = events.map((e) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids.slice(0, 100)) {
			expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/);
		}
		const again = seedEvents(generateDistrict({ seed: 20261128, today }), now + 3_600_000);
		expect(again.map((e) => e.id)).toEqual(ids);
	});

	it('seed events - merchants with misconduct start with an expired lot, others do not', () => {
		const bad = new Set(district.merchants.filter((m) => m.misconduct).map((m) => m.id));
		let badExpired = 0;
		for (const e of events) {
			if (e.type !== 'ledger.purchase.recorded' || e.payload.expiresOn >= today) continue;
			expect(bad.has(e.merchantId), e.merchantId).toBe(true);
			badExpired++;
		}
		expect(badExpired).toBeGreaterThan(bad.size / 2);
	});
});
