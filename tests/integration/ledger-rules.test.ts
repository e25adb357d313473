import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent } from '../../src/lib/domain/events/make';
import { staffList } from '../../src/lib/domain/read-model';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered, staffMember } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';

let p: Pipeline;
type Alerts = {
	items: { id: string; rule: string; facts: Record<string, unknown>; evidence: string[] }[];
};

beforeAll(async () => {
	p = await startPipeline();
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
		await publishEvent(p.js, check);
		await publishEvent(p.js, { ...check, id: crypto.randomUUID() });
		const [working] = await alerts('staff_without_valid_certificate', 1);
		expect(working?.evidence).toEqual([check.id]);
		expect(working?.facts).toMatchObject({ staffName: '赵六' });
		// The second check of the same day raised no second alert.
		await new Promise((r) => setTimeout(r, 500));
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
