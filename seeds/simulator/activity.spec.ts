import { describe, expect, it } from 'vitest';
import { familyOf, fsEvent, type EventFamily } from '../../src/lib/domain/index';
import { generateDistrict } from '../generator/district';
import { eventsForTick } from './activity';
import { createSimState, toEvent, type SimEvent } from './state';

const today = '2026-11-28';
const now = Date.parse('2026-11-28T04:00:00Z');
const district = generateDistrict({ seed: 20261128, merchants: 1_000, today });

/** One whole simulated day in ticks of `step` simulated minutes. */
function simulateDay(step = 1) {
	const state = createSimState(district, { runTag: 'spec' });
	const byMinute: { minute: number; event: SimEvent }[] = [];
	for (let m = 0; m < 1440; m += step) {
		for (const event of eventsForTick(state, { fromMinute: m, toMinute: m + step, now, today })) {
			byMinute.push({ minute: m, event });
		}
	}
	return { state, byMinute };
}

const day = simulateDay();
const bad = new Set(district.merchants.filter((m) => m.misconduct).map((m) => m.id));

describe('simulator', () => {
	// A whole day of a city is CPU work: seconds on a busy 2-core machine.
	it('simulator - every event of a full simulated day parses with fsEvent', () => {
		expect(day.byMinute.length).toBeGreaterThan(50_000);
		for (const { event } of day.byMinute) {
			const parsed = fsEvent.safeParse(toEvent(event, now));
			expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
		}
	}, 30_000);

	it('simulator - the same seed and ticks give the same events', () => {
		const again = simulateDay();
		expect(again.byMinute.length).toBe(day.byMinute.length);
		expect(JSON.stringify(again.byMinute.slice(0, 500))).toBe(
			JSON.stringify(day.byMinute.slice(0, 500))
		);
	});

	it('simulator - merchants with misconduct sell expired lots and good ones never do', () => {
		const expiredSellers = new Set<string>();
		for (const { event } of day.byMinute) {
			if (event.type !== 'till.sale.recorded') continue;
			for (const line of event.payload.lines) {
				if (line.expiresOn && line.expiresOn < today) {
					expect(bad.has(event.merchantId), event.merchantId).toBe(true);
					expiredSellers.add(event.merchantId);
				}
			}
		}
		expect(expiredSellers.size).toBeGreaterThan(bad.size / 3);
	});

	it('simulator - morning checks cluster in the morning and bad merchants skip them', () => {
		const checks = day.byMinute.filter(
			({ event }) => event.type === 'ledger.morning_check.recorded'
		);
		const inWindow = checks.filter(({ minute }) => minute >= 7 * 60 && minute < 9.5 * 60).length;
		expect(inWindow / checks.length).toBeGreaterThan(0.7);
		expect(checks.every(({ minute }) => minute >= 6 * 60 && minute < 10 * 60)).toBe(true);
		const checkers = new Set(checks.map(({ event }) => event.merchantId));
		const keepers = district.merchants.filter(
			(m) => !['small_shop', 'market_stall'].includes(m.businessType)
		);
		const share = (ms: typeof keepers) => ms.filter((m) => checkers.has(m.id)).length / ms.length;
		expect(share(keepers.filter((m) => !m.misconduct))).toBeGreaterThan(0.95);
		expect(share(keepers.filter((m) => m.misconduct))).toBeLessThan(0.6);
	});

	it('simulator - sales peak at lunch and dinner and are few at night', () => {
		const sales = (from: number, to: number) =>
			day.byMinute.filter(
				({ minute, event }) =>
					event.type === 'till.sale.recorded' && minute >= from * 60 && minute < to * 60
			).length /
			(to - from);
		expect(sales(11.5, 12.5)).toBeGreaterThan(3 * sales(2, 5));
		expect(sales(18, 19)).toBeGreaterThan(2 * sales(15, 16));
	});

	it('simulator - purchases come mostly early, sample retention at meals, fridges all day', () => {
		const minutesOf = (type: string) =>
			day.byMinute.filter(({ event }) => event.type === type).map(({ minute }) => minute);
		const purchases = minutesOf('ledger.purchase.recorded');
		expect(purchases.filter((m) => m < 9 * 60).length / purchases.length).toBeGreaterThan(0.5);
		const samples = minutesOf('ledger.sample_retention.recorded');
		expect(samples.length).toBeGreaterThan(50);
		expect(
			samples.every((m) => (m >= 360 && m < 450) || (m >= 640 && m < 750) || (m >= 970 && m < 1100))
		).toBe(true);
		const readings = minutesOf('sensor.reading.recorded');
		expect(readings.filter((m) => m < 360).length).toBeGreaterThan(readings.length / 6);
	});

	it('simulator - default rate stays modest: tens to a few hundred events per real second at ×30', () => {
		const perFamily = new Map<EventFamily, number>();
		for (const { event } of day.byMinute) {
			perFamily.set(familyOf(event.type), (perFamily.get(familyOf(event.type)) ?? 0) + 1);
		}
		// 1,000 merchants here; the default 2,000 doubles it. A day at ×30 lasts 2,880 real seconds.
		const perSecondAt2000 = (day.byMinute.length * 2) / 2_880;
		expect(perSecondAt2000).toBeGreaterThan(20);
		expect(perSecondAt2000).toBeLessThan(300);
		expect(perFamily.get('complaint') ?? 0).toBeLessThan(30);
		expect(perFamily.get('complaint') ?? 0).toBeGreaterThan(0);
		expect(day.state.counters.warmReadings).toBeGreaterThan(0);
	});

	it('simulator - a tick across midnight covers both days, and ledger-only ticks have no sales', () => {
		const state = createSimState(district, { runTag: 'spec' });
		const ledgers = eventsForTick(state, {
			fromMinute: 0,
			toMinute: 600,
			now,
			today,
			ledgersOnly: true,
			instantOf: (m) => now + m
		});
		expect(ledgers.length).toBeGreaterThan(500);
		expect(ledgers.every((e) => e.type.startsWith('ledger.'))).toBe(true);
		const across = eventsForTick(state, { fromMinute: 1430, toMinute: 1450, now, today });
		expect(across.some((e) => e.type === 'till.sale.recorded')).toBe(true);
		expect(state.plans.has(1)).toBe(true);
	});
});
