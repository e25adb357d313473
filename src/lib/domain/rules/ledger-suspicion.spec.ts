import { describe, expect, it } from 'vitest';
import { makeEvent } from '../events/make';
import { localDay } from '../time';
import {
	identicalTemperatures,
	isLedgerEvent,
	ledgerBackfilled,
	ledgerBatchEntered
} from './ledger-suspicion';
import {
	emptyTrail,
	identicalTemperature,
	noteLedgerEntry,
	noteMorningCheck,
	type LedgerTrail
} from './ledger-trail';

const base = {
	merchantId: 'm1',
	districtId: '370102',
	actor: { kind: 'staff' as const, id: 'u1' }
};

/** A morning check claiming `occurredAt`, recorded at `recordedAt` (default: then). */
const check = (occurredAt: string, temps: (number | undefined)[], recordedAt = occurredAt) =>
	makeEvent(
		{
			...base,
			type: 'ledger.morning_check.recorded',
			occurredAt,
			payload: {
				checkedBy: '店长',
				entries: temps.map((t, i) => ({
					staffId: `s${i}`,
					staffName: `员工${i}`,
					present: true,
					...(t === undefined ? {} : { temperatureC: t }),
					symptoms: [],
					fitForWork: true
				}))
			}
		},
		Date.parse(recordedAt)
	);

/** The trail after these checks, as the processor keeps it (apply-ledger.ts). */
function trailOf(checks: ReturnType<typeof check>[], tz = 'Asia/Shanghai'): LedgerTrail {
	const trail = emptyTrail();
	for (const c of checks) {
		noteMorningCheck(trail, localDay(c.occurredAt, tz), {
			eventId: c.id,
			identical: identicalTemperature(c.payload.entries)
		});
		noteLedgerEntry(trail, {
			recordedAt: Date.parse(c.recordedAt),
			occurredAt: Date.parse(c.occurredAt),
			eventId: c.id
		});
	}
	return trail;
}

describe('identical temperatures', () => {
	it('rules - everyone at the same temperature on three checked days running is one low alert with the three checks', () => {
		const days = [
			check('2026-11-26T00:30:00Z', [36.5, 36.5, 36.5]),
			check('2026-11-27T00:30:00Z', [36.4, 36.4]),
			check('2026-11-28T00:30:00Z', [36.5, 36.5, 36.5])
		];
		const last = days[2] as (typeof days)[number];
		expect(identicalTemperatures(last, trailOf(days))).toEqual({
			rule: 'ledger_identical_temperatures',
			severity: 'low',
			merchantId: 'm1',
			districtId: '370102',
			period: '2026-11-28',
			facts: { firstDay: '2026-11-26', day: '2026-11-28', days: 3, staff: 3, temperatureC: 36.5 },
			evidence: days.map((d) => d.id)
		});
		// Two days are not yet a pattern.
		expect(identicalTemperatures(last, trailOf(days.slice(1)))).toBeNull();
	});

	it('rules - one differing reading, one person, a missing reading or one honest check that day breaks the pattern', () => {
		const before = [
			check('2026-11-26T00:30:00Z', [36.5, 36.5]),
			check('2026-11-27T00:30:00Z', [36.5, 36.5])
		];
		for (const temps of [[36.5, 36.6], [36.5], [36.5, undefined]]) {
			const today = check('2026-11-28T00:30:00Z', temps);
			expect(identicalTemperatures(today, trailOf([...before, today]))).toBeNull();
		}
		const honest = check('2026-11-27T03:00:00Z', [36.2, 36.8]);
		const today = check('2026-11-28T00:30:00Z', [36.5, 36.5]);
		expect(identicalTemperatures(today, trailOf([...before, honest, today]))).toBeNull();
	});

	it('rules - days are the district clock’s: 00:30 local is that day, though UTC still says yesterday', () => {
		// 16:30 UTC is 00:30 the next day in Jinan: these are the 26th, 27th and 28th there.
		const days = [
			check('2026-11-25T16:30:00Z', [36.5, 36.5]),
			check('2026-11-26T16:30:00Z', [36.5, 36.5]),
			check('2026-11-27T16:30:00Z', [36.5, 36.5])
		];
		expect(identicalTemperatures(days[2] as (typeof days)[number], trailOf(days))?.period).toBe(
			'2026-11-28'
		);
		// The first two share a UTC day (the 26th) but are the 27th and the 26th in Jinan.
		const sameUtcDay = [
			check('2026-11-26T16:30:00Z', [36.5, 36.5]),
			check('2026-11-26T15:30:00Z', [36.5, 36.5]),
			check('2026-11-27T16:30:00Z', [36.5, 36.5])
		];
		expect(
			identicalTemperatures(sameUtcDay[2] as (typeof sameUtcDay)[number], trailOf(sameUtcDay))
				?.facts.firstDay
		).toBe('2026-11-26');
	});

	it('rules - across the October clock change 22:30 UTC moves from the next Berlin day to the same one', () => {
		const tz = 'Europe/Berlin';
		// 2026-10-24 22:30 UTC is 00:30 CEST on the 25th; 2026-10-25 22:30 UTC is 23:30 CET on the 25th.
		const days = [
			check('2026-10-23T22:30:00Z', [36.5, 36.5]),
			check('2026-10-24T22:30:00Z', [36.5, 36.5]),
			check('2026-10-25T22:30:00Z', [36.5, 36.5])
		];
		const last = days[2] as (typeof days)[number];
		expect(identicalTemperatures(last, trailOf(days, tz), tz)).toBeNull();
		const more = [check('2026-10-22T22:30:00Z', [36.5, 36.5]), ...days];
		expect(identicalTemperatures(last, trailOf(more, tz), tz)).toMatchObject({
			period: '2026-10-25',
			facts: { firstDay: '2026-10-23', day: '2026-10-25' }
		});
	});
});

describe('back-filled and batch-entered ledgers', () => {
	it('rules - an entry recorded more than 12 h after the time it claims is back-filled, filed under the claimed local day', () => {
		const late = check('2026-11-27T16:30:00Z', [36.5], '2026-11-28T05:00:00Z');
		expect(ledgerBackfilled(late)).toEqual({
			rule: 'ledger_backfilled',
			severity: 'low',
			merchantId: 'm1',
			districtId: '370102',
			period: '2026-11-28',
			facts: {
				ledger: 'morning_check',
				claimedAt: '2026-11-28 00:30',
				recordedAt: '2026-11-28 13:00',
				hours: 12
			},
			evidence: [late.id]
		});
		expect(
			ledgerBackfilled(check('2026-11-27T17:00:00Z', [36.5], '2026-11-28T05:00:00Z'))
		).toBeNull();
		expect(ledgerBackfilled(check('2026-11-28T05:00:00Z', [36.5]))).toBeNull();
	});

	it('rules - entries claiming three days recorded within an hour are one batch alert per recorded day', () => {
		const at = '2026-11-28T12:00:00Z';
		const batch = [
			check('2026-11-25T00:30:00Z', [36.5], at),
			check('2026-11-26T00:30:00Z', [36.5], '2026-11-28T12:20:00Z'),
			check('2026-11-26T01:30:00Z', [36.5], '2026-11-28T12:30:00Z'),
			check('2026-11-27T00:30:00Z', [36.5], '2026-11-28T12:50:00Z')
		];
		const last = batch[3] as (typeof batch)[number];
		expect(ledgerBatchEntered(last, trailOf(batch))).toEqual({
			rule: 'ledger_batch_entered',
			severity: 'low',
			merchantId: 'm1',
			districtId: '370102',
			period: '2026-11-28',
			facts: {
				day: '2026-11-28',
				days: 3,
				firstDay: '2026-11-25',
				lastDay: '2026-11-27',
				entries: 4
			},
			evidence: [batch[0]?.id, batch[1]?.id, batch[3]?.id]
		});
		// Spread over more than an hour, or two days only: not a batch.
		const slow = [check('2026-11-25T00:30:00Z', [36.5], '2026-11-28T11:00:00Z'), ...batch.slice(1)];
		expect(ledgerBatchEntered(last, trailOf(slow))).toBeNull();
		expect(ledgerBatchEntered(last, trailOf(batch.slice(1)))).toBeNull();
	});

	it('rules - claimed days are the district clock’s, daylight saving included (Europe/Berlin, late March)', () => {
		const tz = 'Europe/Berlin';
		const at = '2026-03-30T08:00:00Z';
		// 22:30 UTC on the 28th is 23:30 CET (the 28th); 23:30 UTC is 00:30 on the 29th;
		// 22:30 UTC on the 29th is 00:30 CEST on the 30th. UTC sees two days, Berlin three.
		const batch = [
			check('2026-03-28T22:30:00Z', [36.5], at),
			check('2026-03-28T23:30:00Z', [36.5], at),
			check('2026-03-29T22:30:00Z', [36.5], at)
		];
		const last = batch[2] as (typeof batch)[number];
		expect(ledgerBatchEntered(last, trailOf(batch, tz), tz)?.facts).toMatchObject({
			days: 3,
			firstDay: '2026-03-28',
			lastDay: '2026-03-30'
		});
		expect(ledgerBatchEntered(last, trailOf(batch, 'UTC'), 'UTC')).toBeNull();
	});
});

describe('what counts as a ledger entry', () => {
	it('ledger - a regulator`s dispute is not an entry of the books', () => {
		const dispute = {
			type: 'ledger.entry.disputed',
			payload: {}
		} as unknown as Parameters<typeof isLedgerEvent>[0];
		const check = { type: 'ledger.morning_check.recorded' } as unknown as Parameters<
			typeof isLedgerEvent
		>[0];
		expect(isLedgerEvent(dispute)).toBe(false);
		expect(isLedgerEvent(check)).toBe(true);
	});
});
