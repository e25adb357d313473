import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, type NewEvent } from '../../src/lib/domain/events/make';
import type { EventType } from '../../src/lib/domain/events';
import { checklistFor } from '../../src/lib/domain/inspections/checklist';
import { inspectionList, storedInspection } from '../../src/lib/domain/inspections/read-model';
import { alertList, eventList } from '../../src/lib/domain/read-model';
import { riskResult } from '../../src/lib/domain/risk/risk-result';
import { uuidv7 } from '../../src/lib/domain/ids';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { httpSignIn, TEST_PASSWORD } from '../helpers/accounts';
import { registered } from '../helpers/events';
import { eventually } from '../helpers/processor';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';

// The inspector's phone as the browser's queue drives it: photos one by one, then the visit,
// through the built web server (`npx vite build` first), the real processor, store and NATS.

let sys: TestSystem;
const cookies = new Map<string, string>();
const D = '370102';
const template = checklistFor('restaurant');

beforeAll(async () => {
	sys = await startSystem();
	for (const [id, district] of [
		['m-a', D],
		['m-c', D],
		['m-b', '370103']
	] as const) {
		await publishEvent(sys.js, registered(id, district));
	}
	await sys.accounts.accounts.create(
		{
			username: 'insp-b',
			displayName: '市中检查员',
			access: { role: 'inspector', districts: ['370103'] },
			password: TEST_PASSWORD
		},
		{ id: 'system', address: 'test' }
	);
	for (const u of ['insp-a', 'insp-b', 'sup-a']) {
		const r = await httpSignIn(sys.webUrl, u);
		if (!r.cookie) throw new Error(`sign-in of ${u} failed: ${r.status}`);
		cookies.set(u, r.cookie);
	}
	await eventually(async () => {
		const r = await get('/inspect/check/m-a');
		return r.status === 200 ? true : undefined;
	}, 30_000);
}, 120_000);
afterAll(async () => {
	await sys?.stop();
});

function get(path: string, who = 'insp-a'): Promise<Response> {
	return fetch(`${sys.webUrl}${path}`, {
		headers: { accept: 'text/html', cookie: cookies.get(who) ?? '' },
		redirect: 'manual'
	});
}

async function api<T>(path: string, schema: { parse: (x: unknown) => T }): Promise<T> {
	const r = await fetch(`http://127.0.0.1:${sys.apiPort}${path}`, { headers: await authHeaders() });
	if (!r.ok) throw new Error(`${path}: ${r.status}`);
	return schema.parse(await r.json());
}

async function photo(merchantId: string, inspectionId: string, slot: string, who = 'insp-a') {
	const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#0a7' } })
		.jpeg()
		.toBuffer();
	const form = new FormData();
	form.set('inspectionId', inspectionId);
	form.set('slot', slot);
	form.set('photo', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'p.jpg');
	return fetch(`${sys.webUrl}/inspect/check/${merchantId}/photo`, {
		method: 'POST',
		headers: { origin: sys.webUrl, cookie: cookies.get(who) ?? '' },
		body: form
	});
}

function submit(merchantId: string, body: unknown, who = 'insp-a') {
	return fetch(`${sys.webUrl}/inspect/check/${merchantId}/submit`, {
		method: 'POST',
		headers: {
			origin: sys.webUrl,
			cookie: cookies.get(who) ?? '',
			'content-type': 'application/json'
		},
		body: JSON.stringify(body)
	});
}

const visit = (inspectionId: string, over: Record<string, unknown> = {}, fails: string[] = []) => ({
	inspectionId,
	startedAt: new Date(Date.now() - 3_600_000).toISOString(),
	completedAt: new Date().toISOString(),
	items: template.map((i) => ({
		itemId: i.id,
		outcome: fails.includes(i.id) ? 'fail' : 'pass',
		note: fails.includes(i.id) ? '生熟砧板混用' : '',
		photos: i.id === 'kitchen_clean' ? 1 : 0
	})),
	confirmedResult: 'pass',
	signer: '王店长',
	...over
});

const step = <T extends EventType>(type: T, payload: NewEvent<T>['payload']) =>
	makeEvent({
		type,
		merchantId: 'm-a',
		districtId: D,
		actor: { kind: 'supervisor', id: 'sup-a' },
		payload
	});

describe('inspections', () => {
	it('inspections - sent twice (a retry and a second tab at once), the visit is stored once and closes its alert', async () => {
		// An alert whose fix the merchant reported: the visit is to verify it.
		await publishEvent(
			sys.js,
			makeEvent({
				type: 'ai.detection.reported',
				merchantId: 'm-a',
				districtId: D,
				actor: { kind: 'device', id: 'analytics-1' },
				payload: { sourceId: 'cam-1', label: 'no_mask', confidence: 0.7 }
			})
		);
		const alertId = await eventually(async () => {
			const { items } = await api('/api/alerts?merchantId=m-a', alertList);
			return items[0]?.id;
		}, 20_000);
		for (const s of [
			step('alert.acknowledged', { alertId }),
			step('alert.notified', {
				alertId,
				deadline: new Date(Date.now() + 86_400_000).toISOString(),
				notice: '佩戴口罩'
			}),
			step('alert.fix_reported', { alertId, note: '已配发口罩' })
		]) {
			await publishEvent(sys.js, s);
		}
		await eventually(async () => {
			const { items } = await api('/api/alerts?merchantId=m-a', alertList);
			return items[0]?.status === 'fix_reported' ? true : undefined;
		}, 20_000);

		const inspectionId = `insp-${uuidv7()}`;
		// Photos first; the same slot again is the same attachment, not a second one.
		const first = await photo('m-a', inspectionId, 'item-kitchen_clean-1');
		expect(first.status).toBe(200);
		const again = await photo('m-a', inspectionId, 'item-kitchen_clean-1');
		const { attachmentId } = (await first.json()) as { attachmentId: string };
		expect(((await again.json()) as { attachmentId: string }).attachmentId).toBe(attachmentId);
		// Without its signature the visit is not published: the phone sends it, then again.
		const early = await submit('m-a', visit(inspectionId, { alertIds: [alertId] }));
		expect(early.status).toBe(409);
		expect(await early.json()).toEqual({ problem: 'photos_missing', missing: ['signature'] });
		expect((await photo('m-a', inspectionId, 'signature')).status).toBe(200);

		const body = visit(inspectionId, { alertIds: [alertId] });
		const answers = await Promise.all([submit('m-a', body), submit('m-a', body)]);
		expect(answers.map((r) => r.status)).toEqual([200, 200]);
		// And a late retry, after the store has it.
		expect((await submit('m-a', body)).status).toBe(200);

		const stored = await api(`/api/inspections/${inspectionId}`, storedInspection);
		expect(stored.result).toBe('pass');
		expect(stored.alertIds).toEqual([alertId]);
		expect(stored.checklist.find((c) => c.itemId === 'kitchen_clean')?.attachmentIds).toEqual([
			attachmentId
		]);
		expect(stored.signer).toBe('王店长');
		const list = await api('/api/inspections?merchant=m-a', inspectionList);
		expect(list.total).toBe(1);
		const events = await api(
			'/api/events?merchantId=m-a&type=inspection.completed&limit=10',
			eventList
		);
		expect(events.items).toHaveLength(1);

		const closed = await eventually(async () => {
			const { items } = await api('/api/alerts?merchantId=m-a', alertList);
			return items[0]?.status === 'closed' ? items[0] : undefined;
		}, 20_000);
		expect(closed.id).toBe(alertId);
		// verified (how: visit) then closed, each once.
		const steps = await api('/api/events?merchantId=m-a&limit=50', eventList);
		expect(steps.items.filter((e) => e.type === 'alert.verified')).toHaveLength(1);
		expect(steps.items.filter((e) => e.type === 'alert.closed')).toHaveLength(1);

		// The photo is readable by the inspector (the merchant's district), through the record.
		const img = await get(`/attachments/${attachmentId}/thumb`);
		expect(img.status).toBe(200);
		const page = await get(`/inspect/records/${inspectionId}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('现场检查记录');
		// The district's supervisor finds it on the merchant's inspections tab, and opens it.
		const tab = await (await get('/registry/m-a?tab=inspections', 'sup-a')).text();
		expect(tab).toContain(`/registry/m-a/inspections/${inspectionId}`);
		const record = await get(`/registry/m-a/inspections/${inspectionId}`, 'sup-a');
		expect(record.status).toBe(200);
		expect(await record.text()).toContain('王店长');
		// Not under another merchant's page.
		expect((await get(`/registry/m-c/inspections/${inspectionId}`, 'sup-a')).status).toBe(404);
	});

	it('inspections - a failed visit reaches the risk model with its critical finding', async () => {
		const before = await api('/api/merchants/m-c/risk', riskResult);
		expect(before.factors.find((f) => f.id === 'inspection')).toBeUndefined();
		const inspectionId = `insp-${uuidv7()}`;
		expect((await photo('m-c', inspectionId, 'item-kitchen_clean-1')).status).toBe(200);
		expect((await photo('m-c', inspectionId, 'signature')).status).toBe(200);
		const res = await submit(
			'm-c',
			visit(inspectionId, { confirmedResult: 'fail' }, ['raw_cooked_separated'])
		);
		expect(res.status).toBe(200);
		const after = await eventually(async () => {
			const r = await api('/api/merchants/m-c/risk', riskResult);
			return r.factors.find((f) => f.id === 'inspection') ? r : undefined;
		}, 20_000);
		expect(after.score).toBeGreaterThan(before.score);
		const stored = await api(`/api/inspections/${inspectionId}`, storedInspection);
		expect(stored.result).toBe('fail');
		expect(stored.rectificationItemIds).toEqual(['raw_cooked_separated']);
	});

	it('inspections - a result the checklist does not give is refused, nothing published', async () => {
		const inspectionId = `insp-${uuidv7()}`;
		await photo('m-c', inspectionId, 'item-kitchen_clean-1');
		await photo('m-c', inspectionId, 'signature');
		const res = await submit('m-c', visit(inspectionId, {}, ['raw_cooked_separated']));
		expect(res.status).toBe(422);
		const r = await fetch(`http://127.0.0.1:${sys.apiPort}/api/inspections/${inspectionId}`, {
			headers: await authHeaders()
		});
		expect(r.status).toBe(404);
	});

	it('inspections - an inspector of another district gets 404 for the page, the photo and the submit', async () => {
		expect((await get('/inspect/check/m-b')).status).toBe(404);
		expect((await get('/inspect/check/m-a', 'insp-b')).status).toBe(404);
		const inspectionId = `insp-${uuidv7()}`;
		expect((await photo('m-a', inspectionId, 'signature', 'insp-b')).status).toBe(404);
		expect((await submit('m-a', visit(inspectionId), 'insp-b')).status).toBe(404);
		// Nor may they read the records of the other district.
		const { items } = await api('/api/inspections?merchant=m-a', inspectionList);
		expect(items.length).toBeGreaterThan(0);
		expect((await get(`/inspect/records/${items[0]?.id}`, 'insp-b')).status).toBe(404);
	});
});
