import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purchaseRecorded } from '../../src/lib/domain/events/ledger';
import { eventList } from '../../src/lib/domain/read-model';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { httpSignIn, TEST_PASSWORD } from '../helpers/accounts';
import { registered } from '../helpers/events';
import { eventually } from '../helpers/processor';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';

// Purchase intake with certificate photos through the web server as `npm start` runs it
// (build/): real NATS and its object store, the real processor and store, real sharp.
// Needs `npm run build` first.

let sys: TestSystem;
const cookies = new Map<string, string>();
const people = ['own-ab', 'staff-a', 'sup-a', 'insp-a', 'root', 'own-b', 'sup-b'] as const;
type Who = (typeof people)[number];

beforeAll(async () => {
	sys = await startSystem();
	await publishEvent(sys.js, registered('m-a', '370102', '历下区甲店'));
	await publishEvent(sys.js, registered('m-b', '370103', '市中区乙店'));
	// Another shop's owner and another district's supervisor.
	const by = { id: 'system', address: 'test' };
	await sys.accounts.accounts.create(
		{
			username: 'own-b',
			displayName: '乙店主',
			access: { role: 'merchant_owner', merchants: ['m-b'] },
			password: TEST_PASSWORD
		},
		by
	);
	await sys.accounts.accounts.create(
		{
			username: 'sup-b',
			displayName: '市中监管',
			access: { role: 'supervisor', districts: ['370103'] },
			password: TEST_PASSWORD
		},
		by
	);
	for (const u of people) {
		const r = await httpSignIn(sys.webUrl, u);
		if (!r.cookie) throw new Error(`sign-in of ${u} failed: ${r.status}`);
		cookies.set(u, r.cookie);
	}
	await eventually(async () => {
		const r = await get('/m/m-a/purchase', 'own-ab');
		return r.status === 200 ? true : undefined;
	}, 30_000);
}, 120_000);
afterAll(async () => {
	await sys?.stop();
});

function get(path: string, who: Who, headers: Record<string, string> = {}): Promise<Response> {
	return fetch(`${sys.webUrl}${path}`, {
		headers: { accept: 'text/html', cookie: cookies.get(who) ?? '', ...headers },
		redirect: 'manual'
	});
}

const fields = {
	supplierName: '济南鲜丰蔬菜批发',
	productName: '鲜鸡蛋',
	batchNo: 'B20261120',
	quantity: '30',
	unit: '斤',
	productionDate: '',
	shelfLifeDays: '30',
	expiresOn: ''
};

/** Submits the form as a browser without JavaScript does: multipart, then the page answers. */
function submit(
	who: Who,
	photos: { data: Uint8Array; name: string; type: string }[],
	over: Partial<typeof fields> = {}
): Promise<Response> {
	const form = new FormData();
	const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
	for (const [k, v] of Object.entries({ ...fields, productionDate: today, ...over })) {
		form.set(k, v);
	}
	for (const p of photos) {
		form.append('photos', new Blob([new Uint8Array(p.data)], { type: p.type }), p.name);
	}
	return fetch(`${sys.webUrl}/m/m-a/purchase`, {
		method: 'POST',
		headers: { accept: 'text/html', origin: sys.webUrl, cookie: cookies.get(who) ?? '' },
		body: form,
		redirect: 'manual'
	});
}

/** A phone photo: 4000×3000, EXIF with the phone's make, a GPS position and "rotate 90°". */
async function phonePhoto(): Promise<Buffer> {
	return sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#b45309' } })
		.composite([
			{
				input: Buffer.from(
					'<svg width="4000" height="3000"><rect x="0" y="0" width="2000" height="1500" fill="#fff"/></svg>'
				)
			}
		])
		.jpeg({ quality: 90 })
		.withExif({
			IFD0: { Make: 'LeakyPhone', Model: 'X1' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '36/1 40/1 1234/100',
				GPSLongitudeRef: 'E',
				GPSLongitude: '117/1 1/1 5678/100'
			}
		})
		.withMetadata({ orientation: 6 })
		.toBuffer();
}

describe('purchase photos', () => {
	it('purchase photos - a photo over 10 MB is refused with a clear error on the photo field', async () => {
		// Noise does not compress: an 1900×1900 RGB PNG without compression is ~10.8 MB.
		const big = await sharp({
			create: {
				width: 1900,
				height: 1900,
				channels: 3,
				background: '#000',
				noise: { type: 'gaussian', mean: 128, sigma: 60 }
			}
		})
			.png({ compressionLevel: 0 })
			.toBuffer();
		expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
		const res = await submit('own-ab', [{ data: big, name: 'big.png', type: 'image/png' }]);
		expect(res.status).toBe(413);
		const html = await res.text();
		expect(html).toContain('照片过大：每张不超过 10 MB');
		// What was typed comes back.
		expect(html).toContain('济南鲜丰蔬菜批发');
	});

	it('purchase photos - a form larger than three full photos is refused before it is read', async () => {
		const chunk = new Uint8Array(8 * 1024 * 1024).fill(0xff);
		const photos = [1, 2, 3, 4].map((n) => ({ data: chunk, name: `${n}.jpg`, type: 'image/jpeg' }));
		const res = await submit('own-ab', photos);
		expect(res.status).toBe(413);
		expect(await res.text()).toContain('照片过大：每张不超过 10 MB');
	});

	it('purchase photos - other forms keep the small body limit', async () => {
		const res = await fetch(`${sys.webUrl}/m/m-a/sample`, {
			method: 'POST',
			headers: { origin: sys.webUrl, cookie: cookies.get('own-ab') ?? '' },
			body: new URLSearchParams({ dish: 'x'.repeat(600 * 1024) }),
			redirect: 'manual'
		});
		expect(res.status).toBe(413);
	});

	it('purchase photos - a text file named .jpg is refused; nothing is recorded', async () => {
		const text = new TextEncoder().encode(
			'这不是照片 — just text pretending to be a JPEG\n'.repeat(50)
		);
		const res = await submit('own-ab', [{ data: text, name: 'ticket.jpg', type: 'image/jpeg' }]);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('无法识别为照片');
		const stored = await storedPurchases();
		expect(stored).toEqual([]);
	});

	it('purchase photos - a field problem is shown next to its field in Chinese', async () => {
		const res = await submit('own-ab', [], { shelfLifeDays: '', expiresOn: '2020-01-01' });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('到期日不能早于生产日期');
		expect(html).toMatch(/data-testid="problem-expiresOn"/);
	});

	let photoId = '';
	let lotId = '';

	it('purchase photos - a good photo is stored upright, resized, without EXIF; the purchase lands with its lot', async () => {
		const original = await phonePhoto();
		expect((await sharp(original).metadata()).exif?.toString('latin1')).toContain('LeakyPhone');
		const res = await submit('own-ab', [
			{ data: original, name: 'IMG_0001.jpg', type: 'image/jpeg' }
		]);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/m/m-a?recorded=purchase');

		const [event] = await storedPurchases();
		const payload = purchaseRecorded.parse(event?.payload);
		expect(event).toMatchObject({ actorKind: 'merchant', actorId: 'own-ab', districtId: '370102' });
		expect(payload).toMatchObject({
			supplierName: '济南鲜丰蔬菜批发',
			productName: '鲜鸡蛋',
			batchNo: 'B20261120',
			quantity: 30,
			unit: '斤'
		});
		expect(payload.lotId).toMatch(/^lot-[0-9a-f]{16}$/);
		expect(payload.attachmentIds).toHaveLength(1);
		photoId = payload.attachmentIds?.[0] ?? '';
		lotId = payload.lotId;

		const display = await get(`/attachments/${photoId}/display`, 'own-ab');
		expect(display.status).toBe(200);
		expect(display.headers.get('content-type')).toBe('image/jpeg');
		expect(display.headers.get('x-content-type-options')).toBe('nosniff');
		expect(display.headers.get('cache-control')).toMatch(/^private/);
		const etag = display.headers.get('etag');
		expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
		const bytes = Buffer.from(await display.arrayBuffer());
		const meta = await sharp(bytes).metadata();
		// Turned upright (the camera said "rotate 90°"), at most 1600 px, and nothing of the phone.
		expect([meta.width, meta.height]).toEqual([1200, 1600]);
		expect(meta.exif).toBeUndefined();
		expect(meta.orientation).toBeUndefined();
		expect(bytes.toString('latin1')).not.toContain('LeakyPhone');
		expect(bytes.length).toBeLessThan(original.length);

		const thumb = await get(`/attachments/${photoId}/thumb`, 'own-ab');
		expect(thumb.headers.get('content-type')).toBe('image/webp');
		const t = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
		expect(Math.max(t.width ?? 0, t.height ?? 0)).toBe(320);
		expect(t.exif).toBeUndefined();

		// Unchanged since: the browser's copy is still good.
		const again = await get(`/attachments/${photoId}/display`, 'own-ab', {
			'if-none-match': etag ?? ''
		});
		expect(again.status).toBe(304);
	});

	it('purchase photos - the same delivery recorded again is the same lot', async () => {
		const res = await submit('own-ab', []);
		expect(res.status).toBe(303);
		const lots = (await storedPurchases()).map((e) => purchaseRecorded.parse(e.payload).lotId);
		expect(lots).toEqual([lotId, lotId]);
	});

	it("purchase photos - served to the shop's people and the district's regulators, 404 to others", async () => {
		expect(photoId).not.toBe('');
		const status = async (who: Who) => (await get(`/attachments/${photoId}/thumb`, who)).status;
		expect(await status('staff-a')).toBe(200);
		expect(await status('sup-a')).toBe(200);
		expect(await status('insp-a')).toBe(200);
		expect(await status('root')).toBe(200);
		// Another shop's owner and another district's supervisor: the same answer as for nothing.
		expect(await status('own-b')).toBe(404);
		expect(await status('sup-b')).toBe(404);
		const missing = `att_${'0'.repeat(32)}`;
		expect((await get(`/attachments/${missing}/thumb`, 'sup-b')).status).toBe(404);
		expect((await get(`/attachments/not-an-id/thumb`, 'own-ab')).status).toBe(404);
		// Only the display version and the thumbnail are kept; there is no original to ask for.
		expect((await get(`/attachments/${photoId}/original`, 'own-ab')).status).toBe(404);
		// Nobody signed in: sent to sign in.
		const anon = await fetch(`${sys.webUrl}/attachments/${photoId}/thumb`, { redirect: 'manual' });
		expect([303, 401]).toContain(anon.status);
	});

	it("purchase photos - the shop's home lists today's delivery with its thumbnail", async () => {
		const html = await (await get('/m/m-a', 'own-ab')).text();
		expect(html).toContain(`/attachments/${photoId}/thumb`);
		expect(html).toContain('鲜鸡蛋 30斤');
	});
});

async function storedPurchases() {
	const res = await fetch(
		`http://127.0.0.1:${sys.apiPort}/api/events?merchantId=m-a&type=ledger.purchase.recorded`,
		{ headers: await authHeaders() }
	);
	return eventList.parse(await res.json()).items.reverse();
}
