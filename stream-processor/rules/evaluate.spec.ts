import { describe, expect, it } from 'vitest';
import { makeEvent, type NewEvent } from '../../src/lib/domain/events/make';
import type { EventType, FsEvent } from '../../src/lib/domain/events';
import { localDay, localMinuteOfDay } from '../../src/lib/domain/time';
import { applyEvent } from '../state/apply';
import { emptyMerchant, type MerchantRecord } from '../state/merchant-state';
import { rulesForClock, rulesForEvent } from './evaluate';

const TZ = 'Asia/Shanghai';
const base = { merchantId: 'm1', districtId: '370102', actor: { kind: 'staff' as const, id: 'u' } };
/** An event claiming `occurredAt` and recorded at `recordedAt` (default: then). */
const ev = <T extends EventType>(
	input: Omit<NewEvent<T>, keyof typeof base>,
	occurredAt: string,
	recordedAt = occurredAt
) => makeEvent({ ...base, ...input, occurredAt } as NewEvent<T>, Date.parse(recordedAt)) as FsEvent;
const clock = (instant: string) => ({
	day: localDay(instant, TZ),
	minuteOfDay: localMinuteOfDay(new Date(instant), TZ)
});
const rulesOf = (drafts: { rule: string; period: string }[]) =>
	drafts.map((d) => `${d.rule}@${d.period}`).sort();

/** A large restaurant registered the day before, two cooks on the roster. */
function kitchen(): MerchantRecord {
	const m = emptyMerchant('m1', '370102');
	const events = [
		ev(
			{
				type: 'merchant.registered',
				payload: {
					name: '泉城酒家',
					creditCode: '91370102MA3C4XYP1K',
					businessType: 'restaurant',
					scale: 'large',
					address: '泉城路1号',
					location: { lon: 117, lat: 36.6 }
				}
			},
			'2026-11-27T01:00:00Z'
		),
		...['s1', 's2'].map((staffId) =>
			ev(
				{
					type: 'merchant.staff.registered',
					payload: {
						staffId,
						name: staffId,
						position: 'cook',
						healthCertificate: {
							number: `JK${staffId}`,
							validFrom: '2026-01-01',
							validTo: '2027-06-30'
						}
					}
				},
				'2026-11-27T01:00:00Z'
			)
		)
	];
	events.forEach((e, i) => applyEvent(m, e, i + 1, TZ));
	return m;
}

const tableware = (endedAt: string, target: 'tableware' | 'area' = 'tableware') =>
	ev(
		{
			type: 'ledger.disinfection.recorded',
			payload: {
				target,
				item: '餐饮具',
				method: 'steam',
				startedAt: new Date(Date.parse(endedAt) - 20 * 60_000).toISOString(),
				endedAt,
				operator: '王五'
			}
		},
		endedAt
	);
const sample = (meal: 'lunch' | 'dinner', storedAt: string) =>
	ev(
		{
			type: 'ledger.sample_retention.recorded',
			payload: {
				meal,
				dish: '宫保鸡丁',
				weightG: 150,
				storedAt,
				keeper: '王五',
				destroyAfter: new Date(Date.parse(storedAt) + 48 * 3_600_000).toISOString()
			}
		},
		storedAt
	);

describe('rules on the clock, from events', () => {
	it('evaluate - after lunch, a kitchen that disinfected tableware and kept a sample is not flagged; an area wipe does not count', () => {
		const m = kitchen();
		// 15:30 in Jinan: lunch is due, dinner not yet.
		const at = clock('2026-11-28T07:30:00Z');
		expect(
			rulesOf(rulesForClock(m, at, TZ).filter((d) => d.rule !== 'morning_check_missing'))
		).toEqual(['disinfection_missing@2026-11-28:lunch', 'sample_missing@2026-11-28:lunch']);
		applyEvent(m, tableware('2026-11-28T05:50:00Z', 'area'), 10, TZ);
		applyEvent(m, sample('lunch', '2026-11-28T03:40:00Z'), 11, TZ);
		expect(
			rulesOf(rulesForClock(m, at, TZ).filter((d) => d.rule !== 'morning_check_missing'))
		).toEqual(['disinfection_missing@2026-11-28:lunch']);
		applyEvent(m, tableware('2026-11-28T06:10:00Z'), 12, TZ);
		expect(rulesForClock(m, at, TZ).filter((d) => d.rule !== 'morning_check_missing')).toEqual([]);
	});

	it('evaluate - nothing is called missing during the grace after a start', () => {
		expect(rulesForClock(kitchen(), clock('2026-11-28T15:00:00Z'), TZ, false)).toEqual([]);
	});

	it('evaluate - a merchant registered in the afternoon answers for dinner only', () => {
		const m = kitchen();
		m.knownSince = '2026-11-28T08:00:00Z';
		expect(
			rulesOf(
				rulesForClock(m, clock('2026-11-28T14:30:00Z'), TZ).filter(
					(d) => d.rule !== 'morning_check_missing'
				)
			)
		).toEqual(['disinfection_missing@2026-11-28:dinner', 'sample_missing@2026-11-28:dinner']);
	});

	it('evaluate - licences and certificates warn on the clock and when they arrive', () => {
		const m = kitchen();
		const lic = ev(
			{
				type: 'licence.issued',
				payload: {
					licenceId: 'l1',
					kind: 'food_business',
					number: 'JY1',
					scope: '热食类食品制售',
					validFrom: '2021-12-01',
					validTo: '2026-12-03',
					authority: '历下区市场监督管理局'
				}
			},
			'2026-11-28T01:00:00Z'
		);
		applyEvent(m, lic, 20, TZ);
		const now = Date.parse('2026-11-28T02:00:00Z');
		expect(rulesOf(rulesForEvent(m, lic, TZ, now))).toEqual(['licence_expiring@l1:2026-12-03:7d']);
		expect(rulesOf(rulesForClock(m, clock('2026-11-28T02:00:00Z'), TZ, false))).toEqual([
			'licence_expiring@l1:2026-12-03:7d'
		]);
	});
});

describe('suspicion rules, from events', () => {
	const check = (occurredAt: string, recordedAt: string) =>
		ev(
			{
				type: 'ledger.morning_check.recorded',
				payload: {
					checkedBy: '店长',
					entries: ['s1', 's2'].map((staffId) => ({
						staffId,
						staffName: staffId,
						present: true,
						temperatureC: 36.5,
						symptoms: [],
						fitForWork: true
					}))
				}
			},
			occurredAt,
			recordedAt
		);

	it('evaluate - three days of a book written at one sitting with identical temperatures: back-filled, batch-entered and identical', () => {
		const m = kitchen();
		const sitting = '2026-11-28T12:00:00Z';
		const checks = [
			check('2026-11-25T00:30:00Z', sitting),
			check('2026-11-26T00:30:00Z', sitting),
			check('2026-11-27T00:30:00Z', sitting)
		];
		const raised = checks.flatMap((c, i) => {
			applyEvent(m, c, 30 + i, TZ);
			return rulesForEvent(m, c, TZ, Date.parse(sitting));
		});
		expect(rulesOf(raised)).toEqual([
			'ledger_backfilled@2026-11-25',
			'ledger_backfilled@2026-11-26',
			'ledger_backfilled@2026-11-27',
			'ledger_batch_entered@2026-11-28',
			'ledger_identical_temperatures@2026-11-27'
		]);
		expect(raised.find((d) => d.rule === 'ledger_identical_temperatures')?.evidence).toEqual(
			checks.map((c) => c.id)
		);
	});
});
