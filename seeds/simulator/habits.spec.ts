import { describe, expect, it } from 'vitest';
import { generateDistrict } from '../generator/district';
import { eventsForTick } from './activity';
import { BACKFILL_DAYS, ledgerHabit, MADE_UP_TEMPERATURE_C, type LedgerHabit } from './habits';
import { createSimState, type SimEvent } from './state';

const today = '2026-11-28';
const now = Date.parse('2026-11-28T04:00:00Z');
const district = generateDistrict({ seed: 20261128, merchants: 1_000, today });
const state = createSimState(district, { runTag: 'habits' });
const events: SimEvent[] = eventsForTick(state, {
	fromMinute: 0,
	toMinute: 1440,
	now,
	today,
	ledgersOnly: true
});
const catering = ['restaurant', 'school_canteen', 'elderly_care_canteen', 'company_canteen'];
const withHabit = (habit: LedgerHabit) =>
	district.merchants.filter((m) => catering.includes(m.businessType) && ledgerHabit(m) === habit);
const ofType = (merchantId: string, type: SimEvent['type']) =>
	events.filter((e) => e.merchantId === merchantId && e.type === type);

describe('simulator ledger habits', () => {
	it('simulator - a few percent of merchants have a ledger habit, only badly run ones', () => {
		const habits = district.merchants.filter((m) => ledgerHabit(m) !== null);
		expect(habits.every((m) => m.misconduct)).toBe(true);
		expect(habits.length / district.merchants.length).toBeGreaterThan(0.02);
		expect(habits.length / district.merchants.length).toBeLessThan(0.07);
		for (const h of ['backfills', 'same_temperatures', 'skips_after_service', 'absent'] as const) {
			expect(withHabit(h).length, h).toBeGreaterThan(0);
		}
	});

	it('simulator - a back-filling kitchen writes the past days at one sitting, everyone at one temperature', () => {
		for (const m of withHabit('backfills')) {
			const checks = ofType(m.id, 'ledger.morning_check.recorded');
			expect(checks).toHaveLength(BACKFILL_DAYS);
			const daysAgo = checks.map((c) =>
				Math.floor((now - Date.parse(c.occurredAt ?? '')) / 86_400_000)
			);
			expect(daysAgo).toEqual([3, 2, 1]);
			for (const c of checks) {
				if (c.type !== 'ledger.morning_check.recorded') continue;
				const temps = c.payload.entries.filter((x) => x.present).map((x) => x.temperatureC);
				expect(new Set(temps)).toEqual(new Set([MADE_UP_TEMPERATURE_C]));
			}
		}
	});

	it('simulator - kitchens that skip after-service ledgers or keep none write no disinfection and no sample', () => {
		for (const m of [...withHabit('skips_after_service'), ...withHabit('absent')]) {
			expect(ofType(m.id, 'ledger.disinfection.recorded')).toEqual([]);
			expect(ofType(m.id, 'ledger.sample_retention.recorded')).toEqual([]);
		}
		for (const m of withHabit('absent')) {
			expect(ofType(m.id, 'ledger.morning_check.recorded')).toEqual([]);
		}
		// Everyone else disinfects tableware after service.
		const runs = events.filter((e) => e.type === 'ledger.disinfection.recorded');
		expect(runs.filter((e) => e.payload.target === 'tableware').length).toBeGreaterThan(
			runs.length / 2
		);
	});
});
