import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstream } from '@nats-io/jetstream';
import { defaultScreenSettings, screenAnswer } from '../../src/lib/domain/command/screen-config';
import { ScreenStore } from '../../src/lib/server/screens/store';
import { httpSignIn } from '../helpers/accounts';
import { pollUntil } from '../../src/lib/server/record-event';
import { startSystem, type TestSystem } from '../helpers/system';

// The kiosk sign-in through the web server as `npm start` runs it (build/). Needs a build first.

let sys: TestSystem;
let store: ScreenStore;
let rootCookie: string;
let supCookie: string;
const root = { id: 'root', address: 'test' };

beforeAll(async () => {
	sys = await startSystem();
	store = await ScreenStore.open(jetstream(sys.nc));
	rootCookie = (await httpSignIn(sys.webUrl, 'root')).cookie ?? '';
	supCookie = (await httpSignIn(sys.webUrl, 'sup-a')).cookie ?? '';
}, 120_000);
afterAll(async () => {
	await sys?.stop();
});

function request(path: string, cookie: string | null, init: RequestInit = {}): Promise<Response> {
	return fetch(`${sys.webUrl}${path}`, {
		...init,
		headers: {
			accept: 'text/html',
			...(cookie ? { cookie } : {}),
			...(init.headers as Record<string, string> | undefined)
		},
		redirect: 'manual'
	});
}

/** The kiosk's cookie as the browser would send it back. */
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

describe('kiosk sign-in', () => {
	it('screens - a kiosk URL signs the screen in for the wall only, until it is revoked', async () => {
		const screen = await store.create(
			{ ...defaultScreenSettings(['370102']), name: '历下大厅' },
			root
		);
		const { token } = await store.issueToken(screen.id, root);

		const signIn = await request(`/kiosk/${token}`, null);
		expect(signIn.status).toBe(303);
		expect(signIn.headers.get('location')).toBe('/command');
		const set = signIn.headers.get('set-cookie') ?? '';
		expect(set).toMatch(/^fs_screen=/);
		expect(set).toMatch(/HttpOnly/i);
		expect(set).toMatch(/SameSite=Lax/i);
		expect(set).toMatch(/Max-Age=34560000/);
		const kiosk = cookieOf(signIn);

		// The wall: its page, its settings, its live ticket.
		expect((await request('/command?district=370102', kiosk)).status).toBe(200);
		const answer = screenAnswer.parse(
			await (
				await request('/api/command/screen', kiosk, { headers: { accept: 'application/json' } })
			).json()
		);
		expect(answer.screen?.id).toBe(screen.id);
		expect(answer.settings.name).toBe('历下大厅');
		const live = await request('/api/command/live', kiosk, {
			headers: { accept: 'application/json' }
		});
		expect(live.status).toBe(200);
		expect((await live.json()).ticket).toEqual(expect.any(String));

		// Nothing else: no office page, no action, no account page.
		for (const path of [
			'/admin',
			'/admin/screens',
			'/alerts',
			'/tasks',
			'/registry',
			'/account/password',
			'/inspect'
		]) {
			expect((await request(path, kiosk)).status, path).toBe(403);
		}
		const act = (path: string, body: Record<string, string>) =>
			request(path, kiosk, {
				method: 'POST',
				headers: {
					origin: sys.webUrl,
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams(body)
			});
		expect((await act('/alerts/a-1?/act', { action: 'acknowledge' })).status).toBe(403);
		expect((await act('/tasks/new', { merchantId: 'm-a', kind: 'inspection' })).status).toBe(403);
		expect((await act('/admin/screens/new?/save', { name: 'x' })).status).toBe(403);

		// Revoked: refused within the store check's cache time, then known as revoked.
		await store.revokeToken(screen.id, root);
		const refused = await pollUntil(
			async () =>
				(await request('/api/command/screen', kiosk, { headers: { accept: 'application/json' } }))
					.status === 401,
			{ timeoutMs: 8_000, everyMs: 250 }
		);
		expect(refused).toBe(true);
		const res = await request('/api/command/screen', kiosk, {
			headers: { accept: 'application/json' }
		});
		expect(res.status).toBe(401);
		const marked = cookieOf(res);
		expect(marked).toBe('fs_screen=revoked');
		expect(
			(await request('/api/command/live', marked, { headers: { accept: 'application/json' } }))
				.status
		).toBe(401);
		const page = await request('/command', marked);
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/kiosk/revoked');
		expect((await request('/kiosk/revoked', marked)).status).toBe(200);
		// The revoked URL itself no longer signs anyone in.
		const again = await request(`/kiosk/${token}`, null);
		expect(again.status).toBe(401);
		expect(again.headers.get('set-cookie')).toBeNull();
		expect(await again.text()).toContain('此大屏未获授权');
		expect((await request('/kiosk/nonsense', null)).status).toBe(401);
	});

	it('screens - a person gets the default settings; an admin may preview a screen', async () => {
		const json = { accept: 'application/json' };
		const sup = screenAnswer.parse(
			await (await request('/api/command/screen', supCookie, { headers: json })).json()
		);
		expect(sup).toEqual({
			screen: null,
			settings: { ...defaultScreenSettings(['370102']), name: '历下监管' }
		});
		const admin = screenAnswer.parse(
			await (await request('/api/command/screen', rootCookie, { headers: json })).json()
		);
		expect(admin.settings.districts).toEqual([]);
		// A supervisor over the whole city (ten districts) watches the city, not ten districts.
		const cityCookie = (await httpSignIn(sys.webUrl, 'city')).cookie ?? '';
		const city = await request('/api/command/screen', cityCookie, { headers: json });
		expect(city.status).toBe(200);
		expect(screenAnswer.parse(await city.json()).settings.districts).toEqual([]);
		const screen = await store.create({ ...defaultScreenSettings([]), name: '市局' }, root);
		const preview = screenAnswer.parse(
			await (
				await request(`/api/command/screen?screen=${screen.id}`, rootCookie, { headers: json })
			).json()
		);
		expect(preview.screen?.id).toBe(screen.id);
		expect(
			(await request(`/api/command/screen?screen=${screen.id}`, supCookie, { headers: json }))
				.status
		).toBe(403);
		expect(
			(await request('/api/command/screen?screen=scr-0000000000', rootCookie, { headers: json }))
				.status
		).toBe(404);
	});
});
