import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent } from '../../src/lib/domain/events/make';
import type { EventType, FsEventOf } from '../../src/lib/domain/events';
import {
	complaintTracking,
	publicInspectionPage,
	publicMapPage,
	publicShop,
	publicShopPage
} from '../../src/lib/domain/public/public-shop';
import { PUBLIC_READER, signTicket } from '../../src/lib/server/auth/ticket';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { licence, registered, staffMember } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';
import { authHeaders, publicHeaders, ticketFor } from '../helpers/tickets';

let p: Pipeline;
const LIXIA = '370102';
const open = async (path: string, headers?: Record<string, string>) => {
	const res = await fetch(`http://127.0.0.1:${p.processor.port}${path}`, {
		headers: headers ?? (await publicHeaders())
	});
	return { status: res.status, text: await res.text() };
};
const ev = <T extends EventType>(type: T, merchantId: string, payload: FsEventOf<T>['payload']) =>
	makeEvent({
		type,
		merchantId,
		districtId: LIXIA,
		actor: { kind: 'inspector', id: 'insp-zhang' },
		payload
	} as Parameters<typeof makeEvent<T>>[0]);

beforeAll(async () => {
	p = await startPipeline();
	const events = [
		registered('m-pub', LIXIA, '老街米线'),
		licence('m-pub', '2099-12-31'),
		staffMember('m-pub', 's-1', '王秀英'),
		ev('inspection.completed', 'm-pub', {
			inspectionId: 'insp-1',
			inspectorId: 'insp-zhang',
			result: 'rectify',
			findings: [{ code: 'F1', text: '王秀英未戴口罩' }]
		}),
		ev('recall.opened', 'm-pub', {
			recallId: 'rc-1',
			title: '某品牌鲜牛奶召回',
			reason: '检出沙门氏菌',
			level: '1',
			lots: [{ supplierId: 'sup-1', batchNo: 'B20261101' }],
			merchantLotIds: ['lot-1'],
			publicNotice: '本店已下架该批次牛奶，购买者可退货。'
		}),
		ev('recall.opened', 'm-pub', {
			recallId: 'rc-closed',
			title: '已结束的召回',
			reason: 'x',
			level: '3',
			lots: [{ supplierId: 'sup-1', batchNo: 'B1' }],
			merchantLotIds: [],
			publicNotice: '不应再显示'
		}),
		ev('recall.closed', 'm-pub', { recallId: 'rc-closed' }),
		ev('complaint.filed', 'm-pub', {
			complaintId: 'c-AbCdEf0123456789xyz',
			category: 'foreign_object',
			text: '米线里有头发，联系我 13800138000',
			channel: 'qr_page',
			contact: { name: '李四', phone: '13800138000' }
		})
	];
	for (const e of events) await publishEvent(p.js, e);
	await eventually(async () =>
		(await open('/public/complaints/c-AbCdEf0123456789xyz')).status === 200 ? true : undefined
	);
}, 120_000);
afterAll(() => p?.stop());

describe('public reads', () => {
	it('public - a shop answers its public facts only', async () => {
		const res = await open('/public/merchants/m-pub');
		expect(res.status).toBe(200);
		const shop = publicShop.parse(JSON.parse(res.text));
		expect(shop).toMatchObject({
			name: '老街米线',
			licenceStatus: 'valid',
			licenceValidTo: '2099-12-31',
			latestInspection: { result: 'rectify' },
			kitchen: { cameras: 0, live: 0 }
		});
		expect(shop.recalls.map((r) => r.recallId)).toEqual(['rc-1']);
		expect(shop.recalls[0]?.publicNotice).toBe('本店已下架该批次牛奶，购买者可退货。');
		for (const secret of [
			'王秀英',
			'13800138000',
			'李四',
			'91370102MA3C4XYP1K',
			'insp-zhang',
			'JK'
		]) {
			expect(res.text).not.toContain(secret);
		}
		expect((await open('/public/merchants/m-none')).status).toBe(404);
		expect((await open('/public/merchants/bad%20id')).status).toBe(400);
	});
	it('public - search, inspections and tracking answer their schemas', async () => {
		const list = publicShopPage.parse(JSON.parse((await open('/public/merchants?q=米线')).text));
		expect(list.items.map((i) => i.id)).toEqual(['m-pub']);
		expect(list.items[0]?.latestInspection?.result).toBe('rectify');
		expect(
			publicShopPage.parse(JSON.parse((await open('/public/merchants?q=火锅')).text)).total
		).toBe(0);
		expect((await open('/public/merchants?district=abc')).status).toBe(400);
		const insp = publicInspectionPage.parse(JSON.parse((await open('/public/inspections')).text));
		expect(insp.items).toEqual([
			expect.objectContaining({ merchantId: 'm-pub', merchantName: '老街米线', result: 'rectify' })
		]);
		const track = await open('/public/complaints/c-AbCdEf0123456789xyz');
		expect(complaintTracking.parse(JSON.parse(track.text))).toMatchObject({
			merchantName: '老街米线',
			category: 'foreign_object',
			status: 'received',
			publicReply: null
		});
		expect(track.text).not.toContain('13800138000');
		expect(track.text).not.toContain('头发');
		await publishEvent(
			p.js,
			ev('complaint.replied', 'm-pub', {
				complaintId: 'c-AbCdEf0123456789xyz',
				status: 'resolved',
				publicReply: '已现场检查并责令整改。'
			})
		);
		const replied = await eventually(async () => {
			const t = complaintTracking.parse(
				JSON.parse((await open('/public/complaints/c-AbCdEf0123456789xyz')).text)
			);
			return t.status === 'resolved' ? t : undefined;
		});
		expect(replied.publicReply).toBe('已现场检查并责令整改。');
		expect((await open('/public/complaints/c-unknown')).status).toBe(404);
	});
	it("public - only the web server may ask: no ticket, a viewer's ticket or a forged one is a 401", async () => {
		const path = '/public/merchants?q=米线';
		expect((await open(path, {})).status).toBe(401);
		// A viewer's read-api ticket (what the web server uses for signed-in pages) is not the proof.
		expect((await open(path, await authHeaders())).status).toBe(401);
		const gateway = await ticketFor(undefined, 'gateway');
		expect((await open(path, { authorization: `Bearer ${gateway}` })).status).toBe(401);
		const forged = await signTicket(
			PUBLIC_READER,
			'a-different-secret-of-enough-length-0123',
			'public-read'
		);
		expect((await open(path, { authorization: `Bearer ${forged}` })).status).toBe(401);
		for (const other of [
			'/public/merchants/m-pub',
			'/public/inspections',
			'/public/merchants/m-pub/menu',
			'/public/merchants/m-pub/kitchen'
		]) {
			expect((await open(other, {})).status).toBe(401);
		}
		expect((await open(path)).status).toBe(200);
	});
	it('public - the map answers located shops with grade and latest result, nothing personal', async () => {
		const shizhong = registered('m-map-2', '370103', '市中区小馆');
		const nowhere = registered('m-map-0', LIXIA, '无位置小店');
		for (const e of [
			shizhong,
			{ ...nowhere, payload: { ...nowhere.payload, location: { lon: 0, lat: 0 } } }
		]) {
			await publishEvent(p.js, e);
		}
		const map = await eventually(async () => {
			const m = publicMapPage.parse(JSON.parse((await open('/public/map')).text));
			return m.points.some((x) => x.id === 'm-map-2') ? m : undefined;
		});
		expect(map.points.map((x) => x.id).sort()).toEqual(['m-map-2', 'm-pub']);
		expect(map).toMatchObject({ total: 2, limit: 300 });
		const shop = map.points.find((x) => x.id === 'm-pub');
		expect(shop).toMatchObject({
			name: '老街米线',
			lon: 117.02,
			lat: 36.66,
			latestInspection: { result: 'rectify' }
		});
		// The same grade as the search's row; nothing but the map's six fields.
		const row = publicShopPage.parse(JSON.parse((await open('/public/merchants?q=米线')).text));
		expect(shop?.riskGrade).toBe(row.items[0]?.riskGrade);
		const raw = JSON.parse((await open('/public/map')).text) as { points: object[] };
		for (const point of raw.points) {
			expect(Object.keys(point).sort()).toEqual(
				['id', 'lat', 'latestInspection', 'lon', 'name', 'riskGrade'].sort()
			);
		}
		const text = JSON.stringify(raw);
		for (const secret of [
			'王秀英',
			'13800138000',
			'李四',
			'91370102MA3C4XYP1K',
			'insp-zhang',
			'泉城路'
		]) {
			expect(text).not.toContain(secret);
		}
		// The search's filters, and the cap with the true total.
		const inShizhong = publicMapPage.parse(
			JSON.parse((await open('/public/map?district=370103')).text)
		);
		expect(inShizhong.points.map((x) => x.id)).toEqual(['m-map-2']);
		const byName = publicMapPage.parse(JSON.parse((await open('/public/map?q=米线')).text));
		expect(byName.points.map((x) => x.id)).toEqual(['m-pub']);
		const capped = publicMapPage.parse(JSON.parse((await open('/public/map?limit=1')).text));
		expect(capped).toMatchObject({ total: 2, limit: 1 });
		expect(capped.points).toHaveLength(1);
		expect((await open('/public/map?limit=5000')).status).toBe(400);
		expect((await open('/public/map', {})).status).toBe(401);
	});
});
