import ExcelJS from 'exceljs';
import { parse } from 'devalue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, publishEvent } from '../../src/lib/server/backbone/publisher';
import { streams } from '../../src/lib/domain/subjects';
import { httpSignIn } from '../helpers/accounts';
import { eventually } from '../helpers/processor';
import { startSystem, type TestSystem } from '../helpers/system';
import { authHeaders } from '../helpers/tickets';

// Registry import through the web server as `npm start` runs it (build/), with real NATS,
// processor and store. Needs `npx vite build` first.

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function code(body: string): string {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += alphabet.indexOf(body[i] as string) * (weights[i] as number);
	return body + alphabet[(31 - (sum % 31)) % 31];
}
const OLD = code('91370102MA3C00001'); // registered before, in 历下 (m-old)
const FAR = code('91370103MA3C00002'); // registered before, in 市中 (m-far)
const NEW1 = code('91370102MA3C00003');
const NEW2 = code('91370102MA3C00004');
const NEW3 = code('91370102MA3C00005');

const M_HEAD = [
	'名称',
	'统一社会信用代码',
	'业态',
	'规模',
	'地址',
	'经度',
	'纬度',
	'所属区',
	'联系人',
	'联系电话'
];
const L_HEAD = ['信用代码', '证照类型', '编号', '经营范围', '有效期自', '有效期至', '发证机关'];
const S_HEAD = ['信用代码', '姓名', '岗位', '健康证编号', '健康证有效期自', '健康证有效期至'];
const merchant = (name: string, credit: string, district = '历下区') => [
	name,
	credit,
	'餐饮',
	'小',
	'泉城路8号',
	117.02,
	36.66,
	district,
	'张三',
	'13800000001'
];

async function workbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

let sys: TestSystem;
const cookies = new Map<string, string>();

interface Preview {
	batchId: string | null;
	counts: Record<string, number>;
	errors: { sheet: string; row: number; column: string; reason: string }[];
}
type ActionResult = { type: string; status: number; data: Record<string, unknown> };

/** Calls a form action as `use:enhance` does, and decodes its answer. */
async function action(who: string, name: string, form: FormData): Promise<ActionResult> {
	const res = await fetch(`${sys.webUrl}/registry/import?/${name}`, {
		method: 'POST',
		headers: {
			origin: sys.webUrl,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			cookie: cookies.get(who) ?? ''
		},
		body: form
	});
	const body = (await res.json()) as { type: string; status?: number; data?: string };
	return {
		type: body.type,
		status: body.status ?? res.status,
		data: body.data ? (parse(body.data) as Record<string, unknown>) : {}
	};
}

async function preview(who: string, name: string, bytes: Uint8Array): Promise<Preview> {
	const form = new FormData();
	form.set('file', new File([new Uint8Array(bytes)], name));
	const r = await action(who, 'preview', form);
	if (r.type !== 'success') {
		throw new Error(`preview ${r.type} ${r.status} ${JSON.stringify(r.data)}`);
	}
	return r.data.preview as Preview;
}

function confirm(who: string, batchId: string): Promise<ActionResult> {
	const form = new FormData();
	form.set('batchId', batchId);
	return action(who, 'confirm', form);
}

const eventCount = async () => (await sys.js.jetstreamManager()).streams.info(streams.events);
const messages = async () => (await eventCount()).state.messages;

async function api(path: string): Promise<{ status: number; body: unknown }> {
	const res = await fetch(`http://127.0.0.1:${sys.apiPort}${path}`, {
		headers: await authHeaders()
	});
	return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
	sys = await startSystem();
	const actor = { kind: 'system' as const, id: 'test' };
	const reg = (merchantId: string, districtId: string, creditCode: string) =>
		makeEvent({
			type: 'merchant.registered',
			merchantId,
			districtId,
			actor,
			payload: {
				name: `旧${merchantId}`,
				creditCode,
				businessType: 'restaurant',
				scale: 'small',
				address: '经十路1号',
				location: { lon: 117.05, lat: 36.65 }
			}
		});
	await publishEvent(sys.js, reg('m-old', '370102', OLD));
	await publishEvent(sys.js, reg('m-far', '370103', FAR));
	for (const u of ['root', 'sup-a', 'insp-a', 'own-ab']) {
		const r = await httpSignIn(sys.webUrl, u);
		if (!r.cookie) throw new Error(`sign-in of ${u} failed: ${r.status}`);
		cookies.set(u, r.cookie);
	}
	await eventually(async () =>
		(await api('/api/merchants/m-far')).status === 200 ? true : undefined
	);
}, 120_000);
afterAll(async () => {
	await sys?.stop();
});

describe('registry import', () => {
	it('import - a file with good and bad rows: the report names each bad row; nothing is imported', async () => {
		const before = await messages();
		const file = await workbook({
			商户: [
				M_HEAD,
				merchant('好店', NEW1),
				merchant('坏代码店', '9137010'),
				merchant('远店', NEW2, '市中区')
			],
			证照: [L_HEAD, [NEW1, '食品经营许可证', 'JY1', '热食', '2026-01-01', '2025-01-01', '历下局']],
			从业人员: [
				S_HEAD,
				[NEW3, '王五', '厨师', 'JK1', '2026-01-01', '2027-01-01'],
				[FAR, '赵六', '厨师', '', '', '']
			]
		});
		const p = await preview('sup-a', 'bad.xlsx', file);
		expect(p.batchId).toBeNull();
		expect(p.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
			['商户', 3, '统一社会信用代码'],
			['商户', 4, '所属区'],
			['证照', 2, '有效期至'],
			['从业人员', 2, '信用代码'],
			['从业人员', 3, '信用代码']
		]);
		expect(p.errors[0]?.reason).toMatch(/信用代码格式不对：应为18位/);
		expect(p.errors[1]?.reason).toMatch(/不在您的辖区/);
		expect(p.errors[2]?.reason).toMatch(/有效期至.*早于有效期自/);
		expect(p.errors[3]?.reason).toMatch(/找不到信用代码/);
		expect(p.errors[4]?.reason).toMatch(/不在您的辖区/);
		// A confirm of anything but a clean preview has nothing to publish.
		expect((await confirm('sup-a', '0'.repeat(64))).status).toBe(410);
		expect(await messages()).toBe(before);
		expect((await api(`/api/merchants/m-${NEW1}`)).status).toBe(404);
	});

	it('import - a clean file: every merchant, licence and staff member reaches the store, once', async () => {
		const file = await workbook({
			商户: [M_HEAD, merchant('新泉餐馆', NEW1), merchant('旧店改名', OLD)],
			证照: [
				L_HEAD,
				[
					NEW1,
					'食品经营许可证',
					'JY23701020000011',
					'热食类',
					'2026/1/1',
					new Date(Date.UTC(2030, 11, 31)),
					'历下局'
				],
				[OLD, '食品经营许可证', 'JY23701020000012', '冷食类', '2025-01-01', '2029-12-31', '历下局']
			],
			从业人员: [
				S_HEAD,
				[NEW1, '王五', '厨师', 'JK1', '2026-01-01', '2027-01-01'],
				[OLD, '赵六', '帮厨', '', '', '']
			]
		});
		const before = await messages();
		const p = await preview('sup-a', 'good.xlsx', file);
		expect(p.errors).toEqual([]);
		expect(p.counts).toEqual({ newMerchants: 1, updatedMerchants: 1, licences: 2, staff: 2 });
		// Nothing is published by a preview.
		expect(await messages()).toBe(before);
		const batchId = p.batchId as string;
		// A double click: both confirms run; JetStream keeps one copy of each event.
		const [a, b] = await Promise.all([confirm('sup-a', batchId), confirm('sup-a', batchId)]);
		expect([a.type, b.type]).toEqual(['success', 'success']);
		const again = await confirm('sup-a', batchId);
		expect((again.data.result as { status: string }).status).toBe('already');
		expect(await messages()).toBe(before + 6);

		const fresh = await eventually(async () => {
			const r = await api(`/api/merchants/m-${NEW1}`);
			const m = r.body as { name?: string; licences?: { number: string; validTo: string }[] };
			return m.licences?.length ? m : undefined;
		});
		expect(fresh.name).toBe('新泉餐馆');
		expect(fresh.licences?.map((l) => [l.number, l.validTo])).toEqual([
			['JY23701020000011', '2030-12-31']
		]);
		const old = await eventually(async () => {
			const r = await api('/api/merchants/m-old');
			const m = r.body as { name?: string; licences?: unknown[] };
			return m.name === '旧店改名' && m.licences?.length === 1 ? m : undefined;
		});
		expect(old.name).toBe('旧店改名');
		const staff = (await api(`/api/merchants/m-${NEW1}/staff`)).body as {
			items: { name: string }[];
		};
		expect(staff.items.map((s) => s.name)).toEqual(['王五']);
		await eventually(async () => {
			const s = (await api('/api/merchants/m-old/staff')).body as { items: { name: string }[] };
			return s.items.length === 1 ? true : undefined;
		});
		const stats = (await api('/api/stats')).body as { rows: number; distinctIds: number };
		expect(stats.rows).toBe(stats.distinctIds);

		// The same file again is a new batch of updates: the same merchants, licences and people.
		const re = await preview('sup-a', 'good.xlsx', file);
		expect(re.counts).toEqual({ newMerchants: 0, updatedMerchants: 2, licences: 2, staff: 2 });
		expect((await confirm('sup-a', re.batchId as string)).type).toBe('success');
		await eventually(async () => ((await messages()) === before + 12 ? true : undefined));
		const after = (await api(`/api/merchants/m-${NEW1}`)).body as { licences: unknown[] };
		expect(after.licences).toHaveLength(1);
		const roster = (await api('/api/merchants/m-old/staff')).body as { items: unknown[] };
		expect(roster.items).toHaveLength(1);
	});

	it('import - a CSV (UTF-8 with BOM, quoted commas) works; one that is not UTF-8 is refused clearly', async () => {
		const csv = `\ufeff信用代码,姓名,岗位,健康证编号,健康证有效期自,健康证有效期至\r\n${NEW1},"欧阳,小明",服务员,JK9,2026/3/1,2027/2/28\r\n`;
		const p = await preview('sup-a', 'staff.csv', new TextEncoder().encode(csv));
		expect(p.errors).toEqual([]);
		expect(p.counts.staff).toBe(1);
		expect((await confirm('sup-a', p.batchId as string)).type).toBe('success');
		await eventually(async () => {
			const s = (await api(`/api/merchants/m-${NEW1}/staff`)).body as { items: { name: string }[] };
			return s.items.some((x) => x.name === '欧阳,小明') ? true : undefined;
		});
		const form = new FormData();
		form.set('file', new File([new Uint8Array([0xd0, 0xc5, 0xd3, 0xc3, 0x2c, 0x0a])], 'gbk.csv'));
		const r = await action('sup-a', 'preview', form);
		expect(r.status).toBe(400);
		expect(String(r.data.fileError)).toMatch(/UTF-8/);
	});

	it('import - a supervisor cannot import into another district; an admin can; an inspector cannot import', async () => {
		const before = await messages();
		const file = await workbook({
			商户: [M_HEAD, merchant('市中新店', code('91370103MA3C00006'), '370103')],
			证照: [L_HEAD, [FAR, '食品经营许可证', 'JY2', '热食', '2026-01-01', '2030-01-01', '市中局']]
		});
		const p = await preview('sup-a', 'far.xlsx', file);
		expect(p.batchId).toBeNull();
		expect(p.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
			['商户', 2, '所属区'],
			['证照', 2, '信用代码']
		]);
		expect(p.errors.every((e) => /不在您的辖区/.test(e.reason))).toBe(true);
		expect(await messages()).toBe(before);

		const admin = await preview('root', 'far.xlsx', file);
		expect(admin.errors).toEqual([]);
		expect(admin.counts).toEqual({ newMerchants: 1, updatedMerchants: 0, licences: 1, staff: 0 });
		// A batch is its previewer's: another user cannot confirm it.
		expect((await confirm('sup-a', admin.batchId as string)).status).toBe(410);

		const form = new FormData();
		form.set('file', new File([new Uint8Array(file)], 'far.xlsx'));
		expect((await action('insp-a', 'preview', form)).status).toBe(403);
		const page = (who: string) =>
			fetch(`${sys.webUrl}/registry/import`, {
				headers: { cookie: cookies.get(who) ?? '', accept: 'text/html' },
				redirect: 'manual'
			}).then((r) => r.status);
		expect([await page('insp-a'), await page('own-ab'), await page('anonymous')]).toEqual([
			403, 403, 303
		]);
		expect([await page('sup-a'), await page('root')]).toEqual([200, 200]);
	});

	it('import - the template downloads with its three sheets and imports as it stands', async () => {
		const res = await fetch(`${sys.webUrl}/registry/import/template.xlsx`, {
			headers: { cookie: cookies.get('root') ?? '' }
		});
		expect(res.status).toBe(200);
		const bytes = new Uint8Array(await res.arrayBuffer());
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(bytes.buffer as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['商户', '证照', '从业人员']);
		const p = await preview('root', 'template.xlsx', bytes);
		expect(p.errors).toEqual([]);
		expect(p.counts).toEqual({ newMerchants: 1, updatedMerchants: 0, licences: 1, staff: 1 });
	});
});
