import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { makeEvent } from '../../src/lib/domain/events/make';
import type { FsEventOf } from '../../src/lib/domain/events';
import { cameraList, publicKitchen } from '../../src/lib/domain/video/camera-list';
import { riskResult } from '../../src/lib/domain/risk/risk-result';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';

let p: Pipeline;
const LIXIA = '370102';
const SHIZHONG = '370103';
const SECRET_URL = 'rtsp://admin:hunter2@10.0.0.7:554/stream1';

const supA: TicketClaims = { sub: 'sup-a', role: 'supervisor', districts: [LIXIA], merchants: [] };
const supB: TicketClaims = {
	sub: 'sup-b',
	role: 'supervisor',
	districts: [SHIZHONG],
	merchants: []
};
const ownerA: TicketClaims = {
	sub: 'own-a',
	role: 'merchant_owner',
	districts: [],
	merchants: ['m-ca']
};
const ownerB: TicketClaims = {
	sub: 'own-b',
	role: 'merchant_owner',
	districts: [],
	merchants: ['m-cb']
};

const camera = <
	T extends 'camera.registered' | 'camera.offline' | 'camera.online' | 'camera.updated'
>(
	type: T,
	merchantId: string,
	payload: FsEventOf<T>['payload'],
	at = Date.now()
) =>
	makeEvent(
		{
			type,
			merchantId,
			districtId: merchantId === 'm-cb' ? SHIZHONG : LIXIA,
			actor: { kind: type.endsWith('line') ? 'device' : 'merchant', id: 'test' },
			payload
		} as Parameters<typeof makeEvent<T>>[0],
		at
	);

const alertsOf = (cameraId: string) =>
	p.processor.store.query<{ id: string; status: string; severity: string; category: string }>(
		`SELECT id, status, severity, category FROM alerts FINAL
		 WHERE rule = 'camera_offline' AND JSONExtractString(facts, 'cameraId') = {c:String}
		 ORDER BY id`,
		{ c: cameraId }
	);

const list = async (path: string, claims?: TicketClaims) => {
	const r = await p.api(path, claims);
	return {
		status: r.status,
		items: r.status === 200 ? cameraList.parse(r.body).items : [],
		raw: r.body
	};
};

beforeAll(async () => {
	p = await startPipeline();
	await publishEvent(p.js, registered('m-ca', LIXIA, '甲餐馆'));
	await publishEvent(p.js, registered('m-cb', SHIZHONG, '乙餐馆'));
	await publishEvent(
		p.js,
		camera('camera.registered', 'm-ca', {
			cameraId: 'cam-a1',
			name: '后厨灶台',
			area: 'cooking',
			source: { kind: 'rtsp', url: SECRET_URL },
			publicView: true,
			recording: true,
			retentionDays: 7
		})
	);
	await publishEvent(
		p.js,
		camera('camera.registered', 'm-ca', {
			cameraId: 'cam-a2',
			name: '凉菜间',
			area: 'cold_dishes',
			source: { kind: 'test_pattern' },
			publicView: false,
			recording: false,
			retentionDays: 7
		})
	);
	await publishEvent(
		p.js,
		camera('camera.registered', 'm-cb', {
			cameraId: 'cam-b1',
			name: '洗消间',
			area: 'washing',
			source: { kind: 'test_pattern' },
			publicView: true,
			recording: false,
			retentionDays: 7
		})
	);
	await eventually(async () =>
		(await list('/api/cameras')).items.length === 3 ? true : undefined
	);
	// The merchant paths check the scope against the stored register: wait for its write.
	await eventually(async () =>
		(await list('/api/merchants/m-ca/cameras', ownerA)).status === 200 ? true : undefined
	);
});
afterAll(async () => {
	await p?.stop();
});

describe('cameras', () => {
	it('cameras - the read API lists them with the merchant name and never the source address', async () => {
		const all = await list('/api/cameras');
		expect(all.items.map((c) => [c.merchantName, c.area, c.cameraId])).toEqual([
			['甲餐馆', 'cooking', 'cam-a1'],
			['甲餐馆', 'cold_dishes', 'cam-a2'],
			['乙餐馆', 'washing', 'cam-b1']
		]);
		expect(all.items[0]).toMatchObject({ sourceKind: 'rtsp', status: 'online', publicView: true });
		expect(JSON.stringify(all.raw)).not.toContain('hunter2');
		expect(JSON.stringify(all.raw)).not.toContain('rtsp://');
		const mine = await list('/api/merchants/m-ca/cameras', ownerA);
		expect(mine.items.map((c) => c.cameraId)).toEqual(['cam-a1', 'cam-a2']);
		expect(JSON.stringify(mine.raw)).not.toContain('hunter2');
	});

	it('cameras - scope: other districts see nothing, other merchants get a 404, merchants no tree', async () => {
		expect((await list('/api/cameras', supA)).items.map((c) => c.cameraId)).toEqual([
			'cam-a1',
			'cam-a2'
		]);
		expect((await list('/api/cameras', supB)).items.map((c) => c.cameraId)).toEqual(['cam-b1']);
		expect((await list(`/api/cameras?district=${LIXIA}`, supB)).status).toBe(403);
		expect((await list('/api/merchants/m-ca/cameras', supB)).status).toBe(404);
		expect((await list('/api/merchants/m-ca/cameras', ownerB)).status).toBe(404);
		expect((await list('/api/cameras', ownerA)).status).toBe(403);
	});

	it('cameras - the public kitchen shows public cameras only, without reasons or settings', async () => {
		const res = await p.api('/public/merchants/m-ca/kitchen');
		const body = publicKitchen.parse(res.body);
		expect(body).toEqual({
			merchant: { id: 'm-ca', name: '甲餐馆' },
			cameras: [
				{
					cameraId: 'cam-a1',
					merchantId: 'm-ca',
					name: '后厨灶台',
					area: 'cooking',
					status: 'online'
				}
			]
		});
		expect((await p.api('/public/merchants/m-zz/kitchen')).status).toBe(404);
	});

	it('cameras - offline raises one alert per spell; back online leaves it for the officer', async () => {
		const since = new Date(Date.now() - 3 * 3_600_000).toISOString();
		const offline = (reason: 'no_data' | 'unreachable') =>
			camera('camera.offline', 'm-ca', { cameraId: 'cam-a2', reason, since });
		await publishEvent(p.js, offline('no_data'));
		// The service says it again (a restart of its own): the same spell, no second alert.
		await publishEvent(p.js, offline('unreachable'));
		const [a] = await eventually(async () => {
			const rows = await alertsOf('cam-a2');
			return rows.length ? rows : undefined;
		});
		expect(a).toMatchObject({
			id: `camera_offline:m-ca:cam-a2:${since}`,
			severity: 'medium',
			category: 'device',
			status: 'open'
		});
		const dark = await list('/api/merchants/m-ca/cameras', supA);
		expect(dark.items.find((c) => c.cameraId === 'cam-a2')).toMatchObject({
			status: 'offline',
			offline: { reason: 'unreachable', since }
		});
		await publishEvent(p.js, camera('camera.online', 'm-ca', { cameraId: 'cam-a2' }));
		await eventually(async () => {
			const r = await list('/api/merchants/m-ca/cameras', supA);
			return r.items.find((c) => c.cameraId === 'cam-a2')?.status === 'online' ? true : undefined;
		});
		// A second spell while the first alert is still open: the officer already has it in hand.
		const again = new Date().toISOString();
		await publishEvent(
			p.js,
			camera('camera.offline', 'm-ca', { cameraId: 'cam-a2', reason: 'no_data', since: again })
		);
		await eventually(async () => {
			const r = await list('/api/merchants/m-ca/cameras', supA);
			return r.items.find((c) => c.cameraId === 'cam-a2')?.status === 'offline' ? true : undefined;
		});
		const rows = await alertsOf('cam-a2');
		expect(rows.map((r) => [r.id, r.status])).toEqual([
			[`camera_offline:m-ca:cam-a2:${since}`, 'open']
		]);
		// The dark hours count in the merchant's device health.
		const risk = riskResult.parse((await p.api('/api/merchants/m-ca/risk')).body);
		const f = risk.factors.find((x) => x.id === 'device_health');
		expect(f?.facts.devices).toBe(2);
		expect(Number(f?.facts.offlineHours)).toBeGreaterThan(0);
	});

	it('cameras - another merchant cannot take over a camera id', async () => {
		await publishEvent(
			p.js,
			camera('camera.updated', 'm-cb', { cameraId: 'cam-a1', publicView: false })
		);
		await publishEvent(
			p.js,
			camera('camera.updated', 'm-ca', { cameraId: 'cam-a1', name: '灶台一号' })
		);
		const a1 = await eventually(async () => {
			const r = await list('/api/merchants/m-ca/cameras', supA);
			const c = r.items.find((x) => x.cameraId === 'cam-a1');
			return c?.name === '灶台一号' ? c : undefined;
		});
		expect(a1.publicView).toBe(true);
	});

	it('cameras - a restart keeps cameras, their status and the spell (no second alert)', async () => {
		await p.restart();
		const after = await list('/api/cameras');
		expect(after.items.map((c) => [c.cameraId, c.status, c.name])).toEqual([
			['cam-a1', 'online', '灶台一号'],
			['cam-a2', 'offline', '凉菜间'],
			['cam-b1', 'online', '洗消间']
		]);
		// The video service, restarted too, reports the spell afresh: still one alert.
		const since = new Date().toISOString();
		await publishEvent(
			p.js,
			camera('camera.offline', 'm-ca', { cameraId: 'cam-a2', reason: 'no_data', since })
		);
		await publishEvent(p.js, registered('m-ca', LIXIA, '甲餐馆'));
		await eventually(async () => {
			const r = await p.api('/api/events?merchantId=m-ca&type=merchant.registered');
			return (r.body as { items: unknown[] }).items.length >= 2 ? true : undefined;
		});
		expect((await alertsOf('cam-a2')).length).toBe(1);
	});
});
