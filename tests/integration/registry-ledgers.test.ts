import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { makeEvent, type NewEvent } from '../../src/lib/domain/events/make';
import type { EventType } from '../../src/lib/domain/events';
import { localDay } from '../../src/lib/domain/time';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';

let p: Pipeline;
const lixia: TicketClaims = {
	sub: 'sup',
	role: 'supervisor',
	districts: ['370102'],
	merchants: []
};
const shizhong: TicketClaims = {
	sub: 'sup2',
	role: 'supervisor',
	districts: ['370103'],
	merchants: []
};
const owner: TicketClaims = {
	sub: 'own',
	role: 'merchant_owner',
	districts: [],
	merchants: ['r-a']
};

const DAY = 86_400_000;
const now = Date.now();
const today = localDay(now);
const yesterday = localDay(now - DAY);
const plusDays = (n: number) => new Date(now + n * DAY).toISOString().slice(0, 10);
const actor = { kind: 'staff' as const, id: 'own' };

function ledger<T extends EventType>(
	type: T,
	merchantId: string,
	payload: NewEvent<T>['payload'],
	occurredAt?: string
) {
	return makeEvent({
		type,
		merchantId,
		districtId: '370102',
		actor,
		payload,
		occurredAt
	} as NewEvent<T>);
}
const check = (merchantId: string, occurredAt?: string) =>
	ledger(
		'ledger.morning_check.recorded',
		merchantId,
		{
			checkedBy: '店长',
			entries: [{ staffId: 's1', staffName: '王五', present: true, symptoms: [], fitForWork: true }]
		},
		occurredAt
	);
const disinfection = (merchantId: string, startedAt: string) =>
	ledger(
		'ledger.disinfection.recorded',
		merchantId,
		{
			target: 'tableware',
			item: '餐具',
			method: 'heat',
			startedAt,
			endedAt: new Date(Date.parse(startedAt) + 15 * 60_000).toISOString(),
			operator: '李四'
		},
		startedAt
	);
const licence = (merchantId: string, validTo: string) =>
	makeEvent({
		type: 'licence.issued',
		merchantId,
		districtId: '370102',
		actor: { kind: 'supervisor', id: 'sup' },
		payload: {
			licenceId: `${merchantId}-l`,
			kind: 'food_business',
			number: `JY1370102${merchantId}`,
			scope: '热食类食品制售',
			validFrom: '2024-01-01',
			validTo,
			authority: '历下区市场监督管理局'
		}
	});

beforeAll(async () => {
	p = await startPipeline();
	const supermarket = registered('r-b', '370102', '泉城超市');
	supermarket.payload.businessType = 'supermarket';
	for (const e of [
		registered('r-a', '370102', '明湖饭店'),
		supermarket,
		registered('r-c', '370103', '市中餐馆'),
		licence('r-a', plusDays(400)),
		licence('r-b', plusDays(10)),
		check('r-a'),
		check('r-b'),
		// Yesterday's disinfection, recorded only now: late.
		disinfection('r-a', new Date(now - DAY).toISOString())
	]) {
		await publishEvent(p.js, e);
	}
	await eventually(async () => {
		const { body } = await p.api(
			`/api/merchants/r-a/ledger-calendar?from=${yesterday}&to=${today}`
		);
		return (body as { rows?: unknown[] }).rows?.length === 2 ? true : undefined;
	});
});
afterAll(async () => {
	await p?.stop();
});

type Registry = { items: { id: string; licenceStatus: string }[]; total: number };
const ids = (body: unknown) => (body as Registry).items.map((m) => m.id).sort();

describe('registry and ledger views', () => {
	it('registry - the list is cut to the district and filters by licence status, type and text', async () => {
		expect(ids((await p.api('/api/registry', lixia)).body)).toEqual(['r-a', 'r-b']);
		expect(ids((await p.api('/api/registry', shizhong)).body)).toEqual(['r-c']);
		const expiring = await p.api('/api/registry?licence=expiring', lixia);
		expect(ids(expiring.body)).toEqual(['r-b']);
		expect(ids((await p.api('/api/registry?licence=none')).body)).toEqual(['r-c']);
		expect(ids((await p.api('/api/registry?businessType=supermarket', lixia)).body)).toEqual([
			'r-b'
		]);
		expect(ids((await p.api(`/api/registry?q=${encodeURIComponent('明湖')}`, lixia)).body)).toEqual(
			['r-a']
		);
		expect((await p.api('/api/registry?district=370103', lixia)).status).toBe(403);
		expect((await p.api('/api/registry?licence=bogus', lixia)).status).toBe(400);
		expect((await p.api('/api/registry', owner)).status).toBe(403);
		expect((await p.api('/api/registry/r-c', lixia)).status).toBe(404);
		const detail = await p.api('/api/registry/r-b', lixia);
		expect(detail.body).toMatchObject({
			id: 'r-b',
			businessType: 'supermarket',
			licences: [{ licenceId: 'r-b-l', status: 'expiring', validTo: plusDays(10) }]
		});
	});

	it('ledger - completeness counts those who owe each book, per day, with late entries', async () => {
		const { body } = await p.api(
			`/api/ledgers/completeness?from=${yesterday}&to=${today}&district=370102`,
			lixia
		);
		const c = body as {
			days: { day: string; kind: string; kept: number; entries: number; late: number }[];
			owed: { kind: string; owed: number }[];
		};
		const cell = (day: string, kind: string) =>
			c.days.find((d) => d.day === day && d.kind === kind);
		expect(cell(today, 'morning_check')).toMatchObject({ kept: 2, entries: 2, late: 0 });
		expect(cell(yesterday, 'disinfection')).toMatchObject({ kept: 1, entries: 1, late: 1 });
		const owed = Object.fromEntries(c.owed.map((o) => [o.kind, o.owed]));
		// Both owe the morning check; only the restaurant owes disinfection; a small restaurant
		// owes no samples (canteens and large restaurants do).
		expect(owed).toEqual({ morning_check: 2, disinfection: 1 });
		expect(
			(await p.api(`/api/ledgers/completeness?from=${today}&to=${yesterday}`, lixia)).status
		).toBe(400);
	});

	it('ledger - merchants worst first, and one merchant`s calendar', async () => {
		const { body } = await p.api(
			`/api/ledgers/merchants?from=${yesterday}&to=${today}&district=370102`,
			lixia
		);
		const items = (body as { items: { id: string; kept: number; owed: number }[] }).items;
		expect(items.map((i) => [i.id, i.kept, i.owed])).toEqual([
			// Registered today: one day owed each (what was recorded before counts no more).
			['r-a', 2, 2],
			['r-b', 1, 1]
		]);
		const cal = await p.api(
			`/api/merchants/r-a/ledger-calendar?from=${yesterday}&to=${today}`,
			owner
		);
		expect((cal.body as { rows: unknown[] }).rows).toEqual([
			{ day: yesterday, kind: 'disinfection', entries: 1, late: 1 },
			{ day: today, kind: 'morning_check', entries: 1, late: 0 }
		]);
	});

	it('ledger - a dispute goes open → answered → closed, each step an event', async () => {
		const entry = check('r-a');
		await publishEvent(p.js, entry);
		const step = async <T extends EventType>(type: T, payload: NewEvent<T>['payload']) =>
			publishEvent(
				p.js,
				makeEvent({
					type,
					merchantId: 'r-a',
					districtId: '370102',
					actor: { kind: type === 'ledger.dispute.answered' ? 'merchant' : 'supervisor', id: 'x' },
					payload
				} as NewEvent<T>)
			);
		const status = (want: string) =>
			eventually(async () => {
				const { body } = await p.api('/api/merchants/r-a/disputes', owner);
				const d = (body as { items: Record<string, unknown>[] }).items[0];
				return d?.status === want ? d : undefined;
			});
		await step('ledger.entry.disputed', {
			disputeId: 'd1',
			entryId: entry.id,
			entryType: entry.type,
			entryAt: entry.occurredAt,
			reason: '体温全部相同'
		});
		expect(await status('open')).toMatchObject({ reason: '体温全部相同', entryId: entry.id });
		// An answer to a dispute that does not exist changes nothing.
		await step('ledger.dispute.answered', { disputeId: 'nope', answer: '?' });
		await step('ledger.dispute.answered', { disputeId: 'd1', answer: '体温计只显示到0.5度' });
		expect(await status('answered')).toMatchObject({ answer: '体温计只显示到0.5度' });
		await step('ledger.dispute.closed', { disputeId: 'd1', outcome: 'accepted' });
		const closed = await status('closed');
		expect(closed).toMatchObject({ outcome: 'accepted', answer: '体温计只显示到0.5度' });
		expect(closed?.closedAt).toEqual(expect.any(String));
		const { body } = await p.api('/api/merchants/r-a/disputes', owner);
		expect((body as { items: unknown[] }).items).toHaveLength(1);
	});
});

describe('risk', () => {
	it('risk - a merchant`s score now, with the factors that make it, for its regulators and itself', async () => {
		const { riskResult } = await import('../../src/lib/domain/risk/risk-result');
		const { body, status } = await p.api('/api/merchants/r-b/risk', lixia);
		expect(status).toBe(200);
		const r = riskResult.parse(body);
		expect(r.settingsVersion).toBe(1);
		// The supermarket's licence ends in 10 days.
		expect(r.factors.map((f) => f.id)).toContain('licence.expiring');
		expect(r.score).toBe(r.factors.reduce((sum, f) => sum + f.points, 0));
		expect((await p.api('/api/merchants/r-a/risk', owner)).status).toBe(200);
		expect((await p.api('/api/merchants/r-b/risk', owner)).status).toBe(404);
		expect((await p.api('/api/merchants/r-b/risk', shizhong)).status).toBe(404);
	});
});

describe('jurisdiction', () => {
	it('registry - a second registration from another district cannot pull a merchant over', async () => {
		const grab = registered('r-a', '370103', '被改名的饭店');
		const staffThere = makeEvent({
			type: 'merchant.staff.registered',
			merchantId: 'r-a',
			districtId: '370103',
			actor: { kind: 'supervisor', id: 'sup2' },
			payload: { staffId: 'x1', name: '外区人员', position: 'cook' }
		});
		const before = (await p.jsm.streams.info('FS_DLQ')).state.messages;
		await publishEvent(p.js, grab);
		await publishEvent(p.js, staffThere);
		await eventually(async () =>
			(await p.jsm.streams.info('FS_DLQ')).state.messages >= before + 2 ? true : undefined
		);
		const mine = await p.api('/api/registry/r-a', lixia);
		expect(mine.body).toMatchObject({ districtId: '370102', name: '明湖饭店' });
		expect((await p.api('/api/registry/r-a', shizhong)).status).toBe(404);
		const staff = await p.api('/api/merchants/r-a/staff', lixia);
		expect(JSON.stringify(staff.body)).not.toContain('外区人员');
	});
});

describe('ledger entries of a store from before they existed', () => {
	it('ledger - are filled once from the events at start, with their day, kind and lateness', async () => {
		const { backfillLedgerEntries } = await import('../../stream-processor/state/backfill');
		const store = p.processor.store;
		const [before] = await store.query<{ n: number }>('SELECT count() AS n FROM ledger_entries');
		expect(await backfillLedgerEntries(store, 'Asia/Shanghai')).toBe(0); // not empty: untouched
		await store.exec('TRUNCATE TABLE ledger_entries');
		const filled = await backfillLedgerEntries(store, 'Asia/Shanghai');
		expect(filled).toBe(before?.n);
		const rows = await store.query<{ kind: string; late: number; businessType: string }>(
			`SELECT kind, late, businessType FROM ledger_entries FINAL
			 WHERE merchantId = 'r-a' AND kind = 'disinfection'`
		);
		expect(rows).toEqual([{ kind: 'disinfection', late: 1, businessType: 'restaurant' }]);
	});
});
