import { parse } from 'devalue';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/lib/domain/alert';
import type { BulkOutcome } from '../../src/lib/domain/alerts/actions';
import {
	alertCounts,
	alertDetail,
	alertPage,
	alertPrecision
} from '../../src/lib/domain/alerts/read-model';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { eventList } from '../../src/lib/domain/read-model';
import { makeEvent, publishEvent } from '../../src/lib/server/backbone/publisher';
import { httpSignIn } from '../helpers/accounts';
import { registered } from '../helpers/events';
import { eventually } from '../helpers/processor';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';

// The alert centre through the web server as `npm start` runs it (build/), with real NATS,
// processor and store: who may act on which alert, and what the read API counts.
// Needs `npx vite build` first.

let sys: TestSystem;
const cookies = new Map<string, string>();
const supA: TicketClaims = {
	sub: 'sup-a',
	role: 'supervisor',
	districts: ['370102'],
	merchants: []
};

type ActionResult = { type: string; status: number; data: Record<string, unknown> };

/** Calls a form action as `use:enhance` does, and decodes its answer. */
async function action(who: string, path: string, form: FormData): Promise<ActionResult> {
	const res = await fetch(`${sys.webUrl}${path}`, {
		method: 'POST',
		headers: {
			origin: sys.webUrl,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			cookie: cookies.get(who) ?? ''
		},
		body: form
	});
	const body = (await res.json()) as {
		type: string;
		status?: number;
		data?: string;
		location?: string;
	};
	return {
		type: body.type,
		status: body.status ?? res.status,
		data: body.data ? (parse(body.data) as Record<string, unknown>) : {}
	};
}

const fields = (entries: Record<string, string | string[]>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) {
		for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
	}
	return f;
};

/** A bulk step on /alerts (`?/act`) as one person. */
const bulk = (who: string, ids: string[], step: Record<string, string>) =>
	action(who, '/alerts?/act', fields({ ...step, id: ids }));

async function api(path: string, claims?: TicketClaims) {
	const res = await fetch(`http://127.0.0.1:${sys.apiPort}${path}`, {
		headers: await authHeaders(claims)
	});
	return { status: res.status, body: (await res.json()) as unknown };
}
const detail = async (id: string) =>
	alertDetail.parse((await api(`/api/alerts/${encodeURIComponent(id)}`)).body);
const statusOf = async (id: string) => (await detail(id)).alert.status;
const eventsOf = async (merchantId: string, type: string) =>
	eventList.parse((await api(`/api/events?merchantId=${merchantId}&type=${type}`)).body).items;

const detection = (merchantId: string, districtId: string, label: string) =>
	makeEvent({
		type: 'ai.detection.reported',
		merchantId,
		districtId,
		actor: { kind: 'device', id: 'analytics-1' },
		payload: { sourceId: 'cam-1', label, confidence: 0.7 }
	});

/** The alert a detection raised, once the store has it. */
const raised = (merchantId: string, label: string) =>
	eventually(
		async () => {
			const page = alertPage.parse((await api(`/api/alerts?merchantId=${merchantId}`)).body);
			return page.items.find((a) => a.facts.label === label);
		},
		20_000,
		`alert ${label} of ${merchantId}`
	);

let mask: Alert; // m-a (370102): the loop that ends closed
let rat: Alert; // m-a (370102): acknowledged in bulk, then dismissed as false
let smoke: Alert; // m-a2 (370102): left open
let far: Alert; // m-b (370103): outside sup-a's district

beforeAll(async () => {
	sys = await startSystem();
	await publishEvent(sys.js, registered('m-a', '370102', '历下区甲店'));
	await publishEvent(sys.js, registered('m-a2', '370102', '历下区丙店'));
	await publishEvent(sys.js, registered('m-b', '370103', '市中区乙店'));
	await publishEvent(sys.js, detection('m-a', '370102', 'no_mask'));
	await publishEvent(sys.js, detection('m-a', '370102', 'rat'));
	await publishEvent(sys.js, detection('m-a2', '370102', 'smoking'));
	await publishEvent(sys.js, detection('m-b', '370103', 'no_mask'));
	[mask, rat, smoke, far] = await Promise.all([
		raised('m-a', 'no_mask'),
		raised('m-a', 'rat'),
		raised('m-a2', 'smoking'),
		raised('m-b', 'no_mask')
	]);
	for (const who of ['sup-a', 'insp-a', 'own-ab', 'staff-a']) {
		const { cookie } = await httpSignIn(sys.webUrl, who);
		if (!cookie) throw new Error(`${who} could not sign in`);
		cookies.set(who, cookie);
	}
}, 120_000);
afterAll(async () => {
	await sys?.stop();
});

describe('alert centre', () => {
	it('alert centre - sup-a acknowledges two alerts of 历下 in bulk; 市中 is refused as not found', async () => {
		const r = await bulk('sup-a', [mask.id, rat.id, far.id], { kind: 'acknowledge' });
		expect(r.type).toBe('success');
		const outcome = r.data.outcome as BulkOutcome;
		expect(outcome.done).toEqual([mask.id, rat.id]);
		expect(outcome.refused).toEqual([
			{ id: far.id, code: 'not_found', reason: `no alert ${far.id} in your districts` }
		]);
		await eventually(async () => ((await statusOf(rat.id)) === 'acknowledged' ? true : undefined));
		expect(await statusOf(mask.id)).toBe('acknowledged');
		expect(await statusOf(far.id)).toBe('open');
		// The actor is the session's user, whatever the form said.
		const [ack] = await eventsOf('m-a', 'alert.acknowledged');
		expect(ack).toMatchObject({ actorKind: 'supervisor', actorId: 'sup-a' });
		// Another district's alert page is a 404 for sup-a, as is the read API's answer.
		const page = await fetch(`${sys.webUrl}/alerts/${encodeURIComponent(far.id)}`, {
			headers: { cookie: cookies.get('sup-a') ?? '' }
		});
		expect(page.status).toBe(404);
		expect((await api(`/api/alerts/${encodeURIComponent(far.id)}`, supA)).status).toBe(404);
	});

	it('alert centre - an inspector reads but may not act', async () => {
		const list = await fetch(`${sys.webUrl}/alerts`, {
			headers: { cookie: cookies.get('insp-a') ?? '' }
		});
		expect(list.status).toBe(200);
		expect(await list.text()).toContain('历下区丙店');
		const r = await bulk('insp-a', [smoke.id], { kind: 'acknowledge' });
		expect(r.status).toBe(403);
		const one = await action(
			'insp-a',
			`/alerts/${encodeURIComponent(smoke.id)}?/act`,
			fields({ kind: 'dismiss', reason: '误报' })
		);
		expect(one.status).toBe(403);
		expect(await statusOf(smoke.id)).toBe('open');
	});

	it('alert centre - an illegal step is refused with its reason and publishes nothing', async () => {
		const r = await action(
			'sup-a',
			`/alerts/${encodeURIComponent(smoke.id)}?/act`,
			fields({ kind: 'close' })
		);
		expect(r.type).toBe('failure');
		expect(r.status).toBe(409);
		expect((r.data.outcome as BulkOutcome).refused).toEqual([
			{
				id: smoke.id,
				code: 'not_allowed',
				status: 'open',
				reason: `alert ${smoke.id} is open: close is not allowed (allowed: acknowledge, escalate, dismiss)`
			}
		]);
		expect(await eventsOf('m-a2', 'alert.closed')).toEqual([]);
		// A notice whose deadline has passed is refused too.
		const late = await bulk('sup-a', [rat.id], {
			kind: 'notify',
			deadline: '2020-01-01T12:00',
			notice: '限期整改'
		});
		expect((late.data.outcome as BulkOutcome).refused[0]).toMatchObject({ code: 'deadline' });
		expect(await eventsOf('m-a', 'alert.notified')).toEqual([]);
	});

	it('alert centre - the shop reports a fix only for its own notified alert; then verified and closed', async () => {
		const fixPath = (shop: string, id: string) =>
			`/m/${shop}/rectification/${encodeURIComponent(id)}`;
		const note = () => fields({ note: '已为全体员工配发口罩并培训' });
		// Not notified yet: nothing to report.
		expect((await action('own-ab', fixPath('m-a', mask.id), note())).status).toBe(404);

		const n = await bulk('sup-a', [mask.id], {
			kind: 'notify',
			deadline: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 16),
			notice: '后厨人员须佩戴口罩，3 日内整改'
		});
		expect((n.data.outcome as BulkOutcome).done).toEqual([mask.id]);
		await eventually(async () => ((await statusOf(mask.id)) === 'notified' ? true : undefined));

		// The shop's home lists the notice.
		const home = await fetch(`${sys.webUrl}/m/m-a`, {
			headers: { cookie: cookies.get('own-ab') ?? '' }
		});
		expect(await home.text()).toContain('后厨人员须佩戴口罩，3 日内整改');
		// Through another shop's path, or by staff of another shop: refused.
		expect((await action('own-ab', fixPath('m-b', mask.id), note())).status).toBe(404);
		expect((await action('staff-a', fixPath('m-b', far.id), note())).status).toBe(403);

		const photo = await sharp({
			create: { width: 800, height: 600, channels: 3, background: '#2a6' }
		})
			.jpeg()
			.toBuffer();
		const form = note();
		form.append('photos', new File([new Uint8Array(photo)], 'fix.jpg', { type: 'image/jpeg' }));
		const fix = await action('staff-a', fixPath('m-a', mask.id), form);
		expect(fix.type).toBe('redirect');
		const reported = await detail(mask.id);
		expect(reported.alert).toMatchObject({
			status: 'fix_reported',
			fixNote: '已为全体员工配发口罩并培训'
		});
		expect(reported.alert.fixAttachmentIds).toHaveLength(1);
		const [fixEvent] = await eventsOf('m-a', 'alert.fix_reported');
		expect(fixEvent).toMatchObject({ actorKind: 'staff', actorId: 'staff-a' });
		// Its photo is readable by the district's supervisor.
		const thumb = await fetch(
			`${sys.webUrl}/attachments/${reported.alert.fixAttachmentIds?.[0]}/thumb`,
			{ headers: { cookie: cookies.get('sup-a') ?? '' } }
		);
		expect(thumb.status).toBe(200);
		// A second report of the same fix is refused: it is no longer waiting.
		expect((await action('staff-a', fixPath('m-a', mask.id), note())).status).toBe(404);

		const one = (step: Record<string, string>) =>
			action('sup-a', `/alerts/${encodeURIComponent(mask.id)}?/act`, fields(step));
		expect((await one({ kind: 'verify', how: 'remote' })).type).toBe('success');
		await eventually(async () => ((await statusOf(mask.id)) === 'verified' ? true : undefined));
		expect((await one({ kind: 'close' })).type).toBe('success');
		await eventually(async () => ((await statusOf(mask.id)) === 'closed' ? true : undefined));

		const d = await detail(mask.id);
		expect(d.history.map((h) => [h.status, h.actorId])).toEqual([
			['open', ''],
			['acknowledged', 'sup-a'],
			['notified', 'sup-a'],
			['fix_reported', 'staff-a'],
			['verified', 'sup-a'],
			['closed', 'sup-a']
		]);
		expect(d.evidence.map((e) => e.type)).toEqual(['ai.detection.reported']);
	});

	it("alert centre - counts and precision within the reader's scope", async () => {
		const r = await bulk('sup-a', [rat.id], { kind: 'dismiss', reason: '摄像头误识别' });
		expect((r.data.outcome as BulkOutcome).done).toEqual([rat.id]);
		await eventually(async () => ((await statusOf(rat.id)) === 'dismissed' ? true : undefined));

		// Filters: active alerts of 历下 are the one left open; the 市中 one is not sup-a's.
		const active = alertPage.parse((await api('/api/alerts?status=active', supA)).body);
		expect(active).toMatchObject({ total: 1, items: [{ id: smoke.id }] });
		expect((await api('/api/alerts?district=370103', supA)).status).toBe(403);
		const total = async (query: string) => {
			const r = await api(`/api/alerts?${query}`, supA);
			if (r.status !== 200) throw new Error(`${query}: ${r.status} ${JSON.stringify(r.body)}`);
			return alertPage.parse(r.body).total;
		};
		const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
		expect(await total('severity=medium&category=ai&rule=ai_detection&source=ai%3Acam-1')).toBe(3);
		expect(await total('severity=high')).toBe(0);
		expect(await total('category=ledger')).toBe(0);
		expect(await total('status=dismissed')).toBe(1);
		expect(await total('merchantId=m-a2')).toBe(1);
		expect(await total(`since=${future}`)).toBe(0);
		expect(await total(`until=${future}`)).toBe(3);
		expect(await total('overdue=1')).toBe(0);
		expect((await api('/api/alerts?severity=urgent', supA)).status).toBe(400);
		const paged = alertPage.parse((await api('/api/alerts?limit=1&offset=1', supA)).body);
		expect(paged.total).toBe(3);
		expect(paged.items).toHaveLength(1);

		const counts = alertCounts.parse((await api('/api/alerts/counts', supA)).body);
		expect(counts).toEqual({
			openBySeverity: { medium: 1 },
			byStatus: { open: 1, closed: 1, dismissed: 1 },
			byCategory: { ai: 1 },
			overdue: 0,
			closedToday: 1
		});
		const city = alertCounts.parse((await api('/api/alerts/counts')).body);
		expect(city.openBySeverity).toEqual({ medium: 2 });

		const precision = alertPrecision.parse((await api('/api/alerts/precision', supA)).body);
		expect(precision.byRule).toEqual([
			{ key: 'ai_detection', raised: 3, dismissed: 1, closed: 1, precision: 50 }
		]);
		expect(precision.bySource).toEqual([
			{ key: 'ai:cam-1', raised: 3, dismissed: 1, closed: 1, precision: 50 }
		]);
		// The precision page shows the same figures.
		const page = await fetch(`${sys.webUrl}/alerts/precision`, {
			headers: { cookie: cookies.get('sup-a') ?? '' }
		});
		expect(await page.text()).toContain('50%');
	});

	it('alert centre - one step on every alert the filters match, never beyond the scope', async () => {
		await publishEvent(sys.js, registered('m-a3', '370102', '历下区丁店'));
		await publishEvent(sys.js, detection('m-a3', '370102', 'phone_use'));
		await publishEvent(sys.js, detection('m-a3', '370102', 'no_uniform'));
		const [a, b] = await Promise.all([raised('m-a3', 'phone_use'), raised('m-a3', 'no_uniform')]);
		const r = await action(
			'sup-a',
			'/alerts?/act',
			fields({ kind: 'acknowledge', matching: '1', filters: 'merchantId=m-a3&status=open' })
		);
		expect(r.type).toBe('success');
		expect(((r.data.outcome as BulkOutcome).done ?? []).sort()).toEqual([a!.id, b!.id].sort());
		expect(await statusOf(a!.id)).toBe('acknowledged');
		// Another district's merchant matches nothing sup-a may read: nothing to do.
		const none = await action(
			'sup-a',
			'/alerts?/act',
			fields({ kind: 'acknowledge', matching: '1', filters: 'merchantId=m-b' })
		);
		expect(none.data.problem).toBe('none_selected');
		expect(await statusOf(far.id)).not.toBe('acknowledged');
	});
});
