import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsEvent } from '../../src/lib/domain/events';
import { makeEvent } from '../../src/lib/domain/events/make';
import { staffList } from '../../src/lib/domain/read-model';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered, staffMember } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';
import { lateEveningZone } from '../helpers/clock';
import { instantOfLocal, localDay } from '../../src/lib/domain/time';

let p: Pipeline;
type Alert = {
	id: string;
	rule: string;
	severity: string;
	facts: Record<string, unknown>;
	evidence: string[];
	raisedAt: string;
};
type Alerts = { items: Alert[] };

/** Every meal of the district's day is due on this clock, and the day has an hour left. */
const TZ = lateEveningZone();

beforeAll(async () => {
	// Rules on the clock every half second, with no grace after the start: the absence tests
	// below wait for alerts, not for minutes.
	p = await startPipeline({ TIME_ZONE: TZ, CLOCK_RULES_MS: '500', ABSENCE_GRACE_MS: '0' });
	await publishEvent(p.js, registered('m-k', '370102', '历下区厨房'));
	await publishEvent(p.js, staffMember('m-k', 's-ok', '王五'));
	await publishEvent(p.js, staffMember('m-k', 's-old', '赵六', '2020-01-31'));
});
afterAll(async () => {
	await p?.stop();
});

const alerts = (rule: string, n: number) =>
	eventually(async () => {
		const { body } = await p.api('/api/alerts?merchantId=m-k');
		const found = (body as Alerts).items.filter((a) => a.rule === rule);
		return found.length >= n ? found : undefined;
	});

describe('ledger rules', () => {
	it('ledger - the roster is stored; a lapsed health certificate is an alert', async () => {
		const [lapsed] = await alerts('health_certificate_expired', 1);
		expect(lapsed?.facts).toEqual({ staffName: '赵六', validTo: '2020-01-31' });
		const { body } = await p.api('/api/merchants/m-k/staff');
		expect(
			staffList
				.parse(body)
				.items.map((s) => s.name)
				.sort()
		).toEqual(['王五', '赵六']);
		// Outside the scope the roster is not there.
		const other = await p.api('/api/merchants/m-k/staff', {
			sub: 'x',
			role: 'supervisor',
			districts: ['370103'],
			merchants: []
		});
		expect(other.status).toBe(404);
	});

	it('ledger - working at a morning check with a lapsed certificate raises one high alert with the check as evidence', async () => {
		const check = makeEvent({
			type: 'ledger.morning_check.recorded',
			merchantId: 'm-k',
			districtId: '370102',
			actor: { kind: 'staff', id: 'u1' },
			payload: {
				checkedBy: '店长',
				entries: [
					{ staffId: 's-ok', staffName: '王五', present: true, symptoms: [], fitForWork: true },
					{ staffId: 's-old', staffName: '赵六', present: true, symptoms: [], fitForWork: true }
				]
			}
		});
		const second = { ...check, id: crypto.randomUUID() };
		await publishEvent(p.js, check);
		await publishEvent(p.js, second);
		const [working] = await alerts('staff_without_valid_certificate', 1);
		expect(working?.evidence).toEqual([check.id]);
		expect(working?.facts).toMatchObject({ staffName: '赵六' });
		// The second check of the same day raised no second alert: once the check is in the events
		// table (written after its batch's alerts), an alert it raised would be stored too.
		await eventually(async () => {
			const { body } = await p.api('/api/events?merchantId=m-k');
			return (body as { items: { id: string }[] }).items.some((i) => i.id === second.id)
				? true
				: undefined;
		});
		expect(await alerts('staff_without_valid_certificate', 1)).toHaveLength(1);
		const day = await p.api(`/api/merchants/m-k/ledger-day?day=${working?.facts.day as string}`);
		expect(day.body).toMatchObject({
			kinds: [{ type: 'ledger.morning_check.recorded', count: 2 }]
		});
	});

	it('ledger - a light food sample raises one alert with the sample as evidence', async () => {
		const storedAt = new Date().toISOString();
		const light = makeEvent({
			type: 'ledger.sample_retention.recorded',
			merchantId: 'm-k',
			districtId: '370102',
			actor: { kind: 'staff', id: 'u1' },
			payload: {
				meal: 'dinner',
				dish: '红烧肉',
				weightG: 60,
				storedAt,
				keeper: '王五',
				destroyAfter: new Date(Date.parse(storedAt) + 48 * 3_600_000).toISOString()
			}
		});
		await publishEvent(p.js, light);
		const [a] = await alerts('sample_retention_inadequate', 1);
		expect(a?.evidence).toEqual([light.id]);
		expect(a?.facts).toMatchObject({ dish: '红烧肉', weightG: 60, hours: 48 });
	});

	it('ledger - a UV run shorter than 30 minutes raises one low alert', async () => {
		const endedAt = new Date().toISOString();
		const run = makeEvent({
			type: 'ledger.disinfection.recorded',
			merchantId: 'm-k',
			districtId: '370102',
			actor: { kind: 'staff', id: 'u1' },
			occurredAt: endedAt,
			payload: {
				target: 'area',
				item: '凉菜间',
				method: 'uv',
				startedAt: new Date(Date.parse(endedAt) - 15 * 60_000).toISOString(),
				endedAt,
				operator: '王五'
			}
		});
		await publishEvent(p.js, run);
		const [a] = await alerts('disinfection_too_short', 1);
		expect(a).toMatchObject({
			evidence: [run.id],
			facts: { item: '凉菜间', minutes: 15, needed: 30 }
		});
	});
});

const DAY_MS = 86_400_000;
const today = localDay(Date.now(), TZ);
const daysAgo = (n: number) => localDay(Date.now() - n * DAY_MS, TZ);
/** The instant the district clock shows `hhmm` on `day`. */
const local = (day: string, hhmm: string) => instantOfLocal(`${day}T${hhmm}`, TZ) as number;
const staffActor = { kind: 'staff' as const, id: 'u1' };

const alertsOf = (merchantId: string, rule: string, n: number) =>
	eventually(async () => {
		const { body } = await p.api(`/api/alerts?merchantId=${merchantId}`);
		const found = (body as Alerts).items.filter((a) => a.rule === rule);
		return found.length >= n ? found.sort((a, b) => a.id.localeCompare(b.id)) : undefined;
	}, 20_000);
const allAlerts = async (merchantId: string) =>
	((await p.api(`/api/alerts?merchantId=${merchantId}`)).body as Alerts).items;

/**
 * A large restaurant known to the processor since yesterday, one cook on the roster. Its
 * `ledgers` go in before the cook: a kitchen with nobody on the roster is not judged, so the
 * clock (every half second) cannot judge it between two of them.
 */
async function kitchenSinceYesterday(merchantId: string, ledgers: FsEvent[] = []) {
	const r = registered(merchantId);
	await publishEvent(
		p.js,
		makeEvent({ ...r, payload: { ...r.payload, scale: 'large' as const } }, Date.now() - DAY_MS)
	);
	for (const e of ledgers) await publishEvent(p.js, e);
	await publishEvent(p.js, staffMember(merchantId, `${merchantId}-cook`, '王厨'));
}

const tableware = (merchantId: string, endedAt: number) =>
	makeEvent({
		type: 'ledger.disinfection.recorded',
		merchantId,
		districtId: '370102',
		actor: staffActor,
		occurredAt: new Date(endedAt).toISOString(),
		payload: {
			target: 'tableware',
			item: '餐饮具',
			method: 'steam',
			startedAt: new Date(endedAt - 20 * 60_000).toISOString(),
			endedAt: new Date(endedAt).toISOString(),
			operator: '王厨'
		}
	});
const sampleOf = (merchantId: string, meal: 'lunch' | 'dinner', storedAt: number) =>
	makeEvent({
		type: 'ledger.sample_retention.recorded',
		merchantId,
		districtId: '370102',
		actor: staffActor,
		occurredAt: new Date(storedAt).toISOString(),
		payload: {
			meal,
			dish: '宫保鸡丁',
			weightG: 150,
			storedAt: new Date(storedAt).toISOString(),
			keeper: '王厨',
			destroyAfter: new Date(storedAt + 48 * 3_600_000).toISOString()
		}
	});
/** A morning check claiming `occurredAt`, recorded at `recordedAt`; two people at 36.5 °C. */
const sameTemperatures = (merchantId: string, occurredAt: number, recordedAt = Date.now()) =>
	makeEvent(
		{
			type: 'ledger.morning_check.recorded',
			merchantId,
			districtId: '370102',
			actor: staffActor,
			occurredAt: new Date(occurredAt).toISOString(),
			payload: {
				checkedBy: '店长',
				entries: ['甲', '乙'].map((name, i) => ({
					staffId: `${merchantId}-x${i}`,
					staffName: name,
					present: true,
					temperatureC: 36.5,
					symptoms: [],
					fitForWork: true
				}))
			}
		},
		recordedAt
	);

describe('ledger rules on the district clock, across a restart', () => {
	const raisedBefore = new Map<string, string>();
	const bookBefore: string[] = [];

	it('ledger - after the meals of the day, a kitchen without disinfection or samples is flagged per meal; one that kept them is not', async () => {
		await kitchenSinceYesterday('m-tidy', [
			tableware('m-tidy', local(today, '13:40')),
			tableware('m-tidy', local(today, '21:10')),
			sampleOf('m-tidy', 'lunch', local(today, '11:40')),
			sampleOf('m-tidy', 'dinner', local(today, '17:40'))
		]);
		await kitchenSinceYesterday('m-lazy');
		const missing = await alertsOf('m-lazy', 'disinfection_missing', 2);
		expect(missing.map((a) => a.id)).toEqual([
			`disinfection_missing:m-lazy:${today}:dinner`,
			`disinfection_missing:m-lazy:${today}:lunch`
		]);
		expect(missing[1]).toMatchObject({
			severity: 'medium',
			facts: { day: today, meal: 'lunch', from: '11:00', to: '14:00', due: '15:00' }
		});
		const samples = await alertsOf('m-lazy', 'sample_missing', 2);
		// The run that raised m-lazy's alerts judged m-tidy too, after its ledgers.
		const tidy = await allAlerts('m-tidy');
		expect(tidy.filter((a) => /disinfection_missing|sample_missing/.test(a.rule))).toEqual([]);
		for (const a of [...missing, ...samples]) raisedBefore.set(a.id, a.raisedAt);
	});

	it('ledger - expiry warnings: a licence within 7 days is medium, a health certificate within 30 days low', async () => {
		const validTo = daysAgo(-5);
		await publishEvent(
			p.js,
			makeEvent({
				type: 'licence.issued',
				merchantId: 'm-tidy',
				districtId: '370102',
				actor: { kind: 'system', id: 'test' },
				payload: {
					licenceId: 'lic-tidy',
					kind: 'food_business',
					number: 'JY13701020099999',
					scope: '热食类食品制售',
					validFrom: '2021-01-01',
					validTo,
					authority: '济南市历下区市场监督管理局'
				}
			})
		);
		await publishEvent(p.js, staffMember('m-tidy', 'm-tidy-new', '李新', daysAgo(-20)));
		const [licence] = await alertsOf('m-tidy', 'licence_expiring', 1);
		expect(licence).toMatchObject({
			id: `licence_expiring:m-tidy:lic-tidy:${validTo}:7d`,
			severity: 'medium',
			facts: { licenceNumber: 'JY13701020099999', validTo, within: 7 }
		});
		const [cert] = await alertsOf('m-tidy', 'health_certificate_expiring', 1);
		expect(cert).toMatchObject({ severity: 'low', facts: { staffName: '李新', within: 30 } });
		for (const a of [licence, cert]) if (a) raisedBefore.set(a.id, a.raisedAt);
	});

	it('ledger - morning checks back-dated to past days are back-filled, one low alert per claimed day', async () => {
		await publishEvent(p.js, registered('m-book'));
		for (const n of [3, 2]) {
			const e = sameTemperatures('m-book', local(daysAgo(n), '08:00'));
			bookBefore.push(e.id);
			await publishEvent(p.js, e);
		}
		const late = await alertsOf('m-book', 'ledger_backfilled', 2);
		expect(late.map((a) => a.id)).toEqual([
			`ledger_backfilled:m-book:${daysAgo(3)}`,
			`ledger_backfilled:m-book:${daysAgo(2)}`
		]);
		expect(late[0]).toMatchObject({
			severity: 'low',
			evidence: [bookBefore[0]],
			facts: { ledger: 'morning_check', claimedAt: `${daysAgo(3)} 08:00` }
		});
		// A kitchen with the same temperatures two days running, recorded on time: not yet a pattern.
		await publishEvent(p.js, registered('m-temp'));
		for (const n of [2, 1]) {
			const at = local(daysAgo(n), '08:00');
			await publishEvent(p.js, sameTemperatures('m-temp', at, at));
		}
	});

	it('ledger - after a restart the state comes from the store: nothing is raised again, nothing is missed', async () => {
		await eventually(async () => {
			const { body } = await p.api('/api/events?merchantId=m-temp');
			return (body as { items: unknown[] }).items.length >= 3 ? true : undefined;
		});
		await p.restart();

		// The batch spans the restart: two days entered before it, the third after.
		const third = sameTemperatures('m-book', local(daysAgo(1), '08:00'));
		await publishEvent(p.js, third);
		const [batch] = await alertsOf('m-book', 'ledger_batch_entered', 1);
		expect(batch).toMatchObject({
			id: `ledger_batch_entered:m-book:${today}`,
			severity: 'low',
			evidence: [...bookBefore, third.id],
			facts: { days: 3, firstDay: daysAgo(3), lastDay: daysAgo(1), entries: 3 }
		});
		// Three days of identical temperatures, two of them known only from the store.
		const [fakeBook] = await alertsOf('m-book', 'ledger_identical_temperatures', 1);
		expect(fakeBook?.evidence).toEqual([...bookBefore, third.id]);
		const todays = sameTemperatures('m-temp', Date.now());
		await publishEvent(p.js, todays);
		const [identical] = await alertsOf('m-temp', 'ledger_identical_temperatures', 1);
		expect(identical).toMatchObject({
			id: `ledger_identical_temperatures:m-temp:${today}`,
			facts: { firstDay: daysAgo(2), day: today, days: 3, staff: 2, temperatureC: 36.5 }
		});
		expect(identical?.evidence).toHaveLength(3);
		expect(identical?.evidence[2]).toBe(todays.id);
		expect(await allAlerts('m-temp')).not.toContainEqual(
			expect.objectContaining({ rule: 'ledger_backfilled' })
		);

		// A kitchen new after the restart is flagged: the clock has run on the rebuilt state.
		await kitchenSinceYesterday('m-lazy-2');
		await alertsOf('m-lazy-2', 'sample_missing', 2);
		const tidy = await allAlerts('m-tidy');
		expect(tidy.filter((a) => /disinfection_missing|sample_missing/.test(a.rule))).toEqual([]);
		for (const merchantId of ['m-lazy', 'm-tidy']) {
			for (const a of await allAlerts(merchantId)) {
				if (raisedBefore.has(a.id)) expect(a.raisedAt, a.id).toBe(raisedBefore.get(a.id));
			}
		}
		expect(
			[...raisedBefore.keys()].filter((id) => id.startsWith('disinfection_missing:m-lazy'))
		).toHaveLength(2);
	});
});
