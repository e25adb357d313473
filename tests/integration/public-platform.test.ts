import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { alertPage } from '../../src/lib/domain/alerts/read-model';
import type { EventType, FsEventOf } from '../../src/lib/domain/events';
import { makeEvent } from '../../src/lib/domain/events/make';
import { openApiDocument } from '../../src/lib/domain/public/open-api';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { httpSignIn } from '../helpers/accounts';
import { licence, staffMember } from '../helpers/events';
import { eventually } from '../helpers/processor';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';

// The public platform as `npm start` runs it (build/): the shop page, a complaint's round trip
// through the alert centre back to the complainant, the embed's frame policy and open data.
// Needs `npx vite build` first.

let sys: TestSystem;
const LIXIA = '370102';
const SHOP = 'm-pp';
const NAME = '老街米线';
/** Everything personal in the seed: none of it may reach a public answer. */
const PERSONAL = [
	'王秀英', // staff
	'JKs-pp-1', // health certificate number
	'张建国', // owner contact
	'13912345678',
	'91370102MA3C4XYP1K', // credit code
	'周供货', // supplier contact
	'13700001111',
	'李四', // complainant
	'13800138000',
	'汤里有一只苍蝇'
];
const actor = { kind: 'system' as const, id: 'test' };
const ev = <T extends EventType>(type: T, payload: FsEventOf<T>['payload']) =>
	makeEvent({ type, merchantId: SHOP, districtId: LIXIA, actor, payload } as Parameters<
		typeof makeEvent<T>
	>[0]);

const web = (path: string, init?: RequestInit) => fetch(`${sys.webUrl}${path}`, init);
const html = async (path: string) => {
	const res = await web(path, { headers: { accept: 'text/html' } });
	return { status: res.status, headers: res.headers, text: await res.text() };
};
const noPersonalData = (text: string) => {
	for (const p of PERSONAL) expect(text, `leaks ${p}`).not.toContain(p);
	expect(text).not.toMatch(/1[3-9]\d{9}/);
	expect(text).not.toMatch(/\d{17}[\dXx]/);
};

async function fileComplaint(text: string, photo?: Buffer) {
	const form = new FormData();
	form.set('category', 'foreign_object');
	form.set('text', text);
	form.set('happenedOn', new Date().toISOString().slice(0, 10));
	form.set('contactName', '李四');
	form.set('contactPhone', '13800138000');
	if (photo) {
		form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'p.png');
	}
	const res = await web(`/p/${SHOP}/complaint`, {
		method: 'POST',
		headers: { origin: sys.webUrl, accept: 'text/html' },
		body: form
	});
	const body = await res.text();
	const code = /data-testid="tracking-code"[^>]*>([^<]+)</.exec(body)?.[1]?.trim() ?? null;
	return { status: res.status, body, code };
}

beforeAll(async () => {
	sys = await startSystem();
	const events = [
		ev('merchant.registered', {
			name: NAME,
			creditCode: '91370102MA3C4XYP1K',
			businessType: 'restaurant',
			scale: 'small',
			address: '泉城路1号',
			location: { lon: 117.02, lat: 36.66 },
			contact: { name: '张建国', phone: '13912345678' }
		}),
		licence(SHOP, '2099-12-31'),
		staffMember(SHOP, 's-pp-1', '王秀英'),
		ev('stock.supplier.upserted', {
			supplierId: 'sup-pp',
			name: '历下蔬菜批发',
			licenceNo: 'JY137010200001',
			contact: { name: '周供货', phone: '13700001111' }
		})
	];
	for (const e of events) await publishEvent(sys.js, e);
	await eventually(
		async () => ((await html(`/p/${SHOP}`)).status === 200 ? true : undefined),
		30_000
	);
}, 180_000);
afterAll(async () => {
	await sys?.stop();
});

describe('public platform', () => {
	it('public - the shop page shows its public facts and no personal data', async () => {
		const page = await html(`/p/${SHOP}`);
		expect(page.text).toContain(NAME);
		expect(page.text).toContain('data-testid="public-complain"');
		expect(page.text).toMatch(new RegExp(`href="[./]*/?p/${SHOP}/complaint"`));
		// Server-rendered without the app's script: nothing to download on a slow phone.
		expect(page.text).not.toContain('/_app/immutable/entry');
		expect(page.headers.get('cache-control')).toBe('public, max-age=60');
		expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		noPersonalData(page.text);
		noPersonalData((await html('/p?q=米线')).text);
		noPersonalData((await html(`/embed/merchant/${SHOP}`)).text);
		noPersonalData(await (await web(`/open/v1/merchants/${SHOP}`)).text());
		expect((await html('/p/m-nobody')).status).toBe(404);
	});

	it('public - a code for a shop not listed answers 404 in Chinese, with the way back to search', async () => {
		const page = await html('/p/no-such-shop');
		expect(page.status).toBe(404);
		expect(page.text).toContain('找不到这个页面');
		expect(page.text).toMatch(/href="(\.\.\/)*\/?p"/);
		// The server's own English reason is not what the diner reads.
		const shown = page.text.slice(page.text.indexOf('data-testid="error-page"'));
		expect(shown.slice(0, shown.indexOf('</main>'))).not.toContain('no such shop');
	});

	it('public map - the search page draws the shop as a dot linking its page, nothing personal', async () => {
		const page = await html('/p');
		expect(page.status).toBe(200);
		expect(page.text).toContain('data-testid="public-map"');
		// The dot: a link to the shop page whose title names the shop, its grade and latest result.
		const dot = new RegExp(
			`<a href="[./]*/?p/${SHOP}" data-grade="(A|B|C|D|none)"><title>${NAME} · [^<]+</title><use`
		);
		expect(page.text).toMatch(dot);
		// Districts are plain links that search them.
		expect(page.text).toMatch(/<a href="[./]*\/?p\?district=370102"/);
		expect(page.text).not.toContain('/_app/immutable/entry');
		expect(page.headers.get('cache-control')).toBe('public, max-age=60');
		noPersonalData(page.text);
		// Zoomed to another district: the shop is not drawn, and the way back to the city is.
		const elsewhere = await html('/p?district=370103&q=米线');
		expect(elsewhere.text).not.toMatch(dot);
		expect(elsewhere.text).toMatch(/href="[./]*\/?p\?q=%E7%B1%B3%E7%BA%BF"/);
	});

	it('public - complaint round trip: filed, alert raised, answered, the tracking page shows it', async () => {
		const photo = await sharp({
			create: { width: 64, height: 64, channels: 3, background: '#884422' }
		})
			.png()
			.toBuffer();
		const filed = await fileComplaint('中午点的牛肉米线，汤里有一只苍蝇，店员说没办法。', photo);
		expect(filed.status).toBe(200);
		const code = filed.code as string;
		expect(code).toMatch(/^c[A-Za-z0-9_-]{22}$/);

		// The existing rule raises an alert for it.
		const alert = await eventually(async () => {
			const res = await fetch(
				`http://127.0.0.1:${sys.apiPort}/api/alerts?merchantId=${SHOP}&limit=50`,
				{ headers: await authHeaders() }
			);
			const page = alertPage.parse(await res.json());
			return page.items.find((a) => a.rule === 'complaint_filed' && a.facts.complaintId === code);
		}, 20_000);

		// Before an answer: received, no text, no contact.
		const before = await eventually(async () => {
			const p = await html(`/p/track/${code}`);
			return p.status === 200 ? p : undefined;
		});
		expect(before.text).toContain('data-status="received"');
		noPersonalData(before.text);

		// The supervisor reads the complaint on the alert and answers.
		const { cookie } = await httpSignIn(sys.webUrl, 'sup-a');
		const alertHtml = await web(`/alerts/${encodeURIComponent(alert.id)}`, {
			headers: { cookie: cookie as string, accept: 'text/html' }
		});
		const alertText = await alertHtml.text();
		expect(alertText).toContain('汤里有一只苍蝇');
		expect(alertText).toContain('13800138000');
		expect(alertText).toMatch(/\/attachments\/att_[0-9a-f]{32}\/thumb/);
		const reply = await web(`/alerts/${encodeURIComponent(alert.id)}?/reply`, {
			method: 'POST',
			headers: {
				cookie: cookie as string,
				origin: sys.webUrl,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: new URLSearchParams({ status: 'resolved', publicReply: '经现场检查，已责令该店整改。' })
		});
		expect(reply.status).toBe(200);

		const after = await eventually(async () => {
			const p = await html(`/p/track/${code}`);
			return p.text.includes('data-status="resolved"') ? p : undefined;
		});
		expect(after.text).toContain('经现场检查，已责令该店整改。');
		expect(after.text).toContain(NAME);
		noPersonalData(after.text);
		expect((await html('/p/track/cNoSuchCode0000000000000')).status).toBe(404);
	});

	it('public - spam is refused with a reason, and complaints are rate-limited per address', async () => {
		const spam = await fileComplaint('优惠活动请看 http://spam.example 快来快来');
		expect(spam.status).toBe(400);
		expect(spam.code).toBeNull();
		expect(spam.body).toContain('data-testid="complaint-problem"');
		// Three per address at once (one was the round trip, one the spam): the fourth waits.
		expect((await fileComplaint('餐具有明显油污，没有经过消毒就给顾客使用。')).code).not.toBeNull();
		const limited = await fileComplaint('餐具有明显油污，没有经过消毒就给顾客使用。');
		expect(limited.status).toBe(429);
		expect(limited.body).toContain('提交过于频繁');
	});

	it('embed - framed by the allowed origins only, with grade and licence', async () => {
		const page = await html(`/embed/merchant/${SHOP}`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('data-testid="embed-widget"');
		expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
		expect(page.headers.get('x-frame-options')).toBeNull();
	});

	it('open data - every documented path answers and matches its documented schema', async () => {
		const doc = (await (await web('/open/v1/openapi.json')).json()) as ReturnType<
			typeof openApiDocument
		>;
		expect(doc.openapi).toBe('3.1.0');
		const schemas = doc.components.schemas as Record<string, unknown>;
		const concrete: Record<string, string> = {
			'/merchants': '/merchants?district=370102&limit=5',
			'/merchants/{id}': `/merchants/${SHOP}`,
			'/inspections': '/inspections?limit=5'
		};
		for (const [path, item] of Object.entries(doc.paths)) {
			const url = concrete[path];
			expect(url, `a request for ${path}`).toBeDefined();
			const res = await web(`/open/v1${url}`);
			expect(res.status, path).toBe(200);
			expect(res.headers.get('access-control-allow-origin')).toBe('*');
			const ref = item.get.responses['200'].content['application/json'].schema.$ref;
			const documented = z.fromJSONSchema(
				schemas[ref.split('/').at(-1) as string] as Parameters<typeof z.fromJSONSchema>[0]
			);
			const parsed = documented.safeParse(await res.json());
			expect(parsed.success, `${path}: ${parsed.error?.message}`).toBe(true);
		}
		const list = (await (await web('/open/v1/merchants?q=米线')).json()) as { total: number };
		expect(list.total).toBe(1);
		expect((await web('/open/v1/merchants/m-nobody')).status).toBe(404);
		expect((await web('/open/v1/merchants?district=x')).status).toBe(400);
	});

	it('open data - a flood from one address gets 429 with Retry-After', async () => {
		let limited: Response | null = null;
		for (let i = 0; i < 100 && !limited; i++) {
			const res = await web('/open/v1/inspections');
			if (res.status === 429) limited = res;
		}
		expect(limited).not.toBeNull();
		expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
	});
});
