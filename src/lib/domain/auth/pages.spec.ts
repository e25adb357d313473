import { describe, expect, it } from 'vitest';
import type { TicketClaims } from './claims';
import { homeOf, landingAfterSignIn, pageAccess, pageGroups, type Viewer } from './pages';
import { countRequest, sweepWindows } from './rate-limit';

const as = (claims: Omit<TicketClaims, 'sub'>, mustChangePassword = false): Viewer => ({
	claims: { sub: 'u', ...claims },
	mustChangePassword
});
const admin = as({ role: 'admin', districts: [], merchants: [] });
const lixia = as({ role: 'supervisor', districts: ['370102'], merchants: [] });
const inspector = as({ role: 'inspector', districts: ['370102'], merchants: [] });
const owner = as({ role: 'merchant_owner', districts: [], merchants: ['m1', 'm2'] });
const staff = as({ role: 'merchant_staff', districts: [], merchants: ['m1'] });
const screen = as({ role: 'screen', districts: ['370102'], merchants: [] });

describe('pages', () => {
	it('auth - page groups: the table decides per role', () => {
		const allow = (path: string, v: Viewer | null) => pageAccess(path, v).allow;
		expect(allow('/', null)).toBe(true);
		expect(allow('/login', null)).toBe(true);
		expect(allow('/p/m1', null)).toBe(true);
		expect(allow('/command', null)).toBe(false);
		expect(allow('/somewhere-new', null)).toBe(false);
		expect(allow('/command', lixia)).toBe(true);
		expect(allow('/api/command/live', lixia)).toBe(true);
		expect(allow('/command', inspector)).toBe(false);
		expect(allow('/registry', inspector)).toBe(true);
		expect(allow('/registry/m1', lixia)).toBe(true);
		expect(allow('/registry', owner)).toBe(false);
		expect(allow('/registry', null)).toBe(false);
		expect(allow('/admin', lixia)).toBe(false);
		expect(allow('/admin/audit', admin)).toBe(true);
		expect(allow('/administrator', admin)).toBe(true); // not the admin group: only signed in
		expect(allow('/administrator', null)).toBe(false);
		expect(allow('/m/m2/stock', owner)).toBe(true);
		expect(allow('/m/m2', staff)).toBe(false);
		expect(allow('/m', staff)).toBe(true);
		expect(allow('/m/m1', admin)).toBe(false);
		expect(allow('/inspect', inspector)).toBe(true);
		expect(allow('/inspect', owner)).toBe(false);
		expect(allow('/video', lixia)).toBe(true);
		expect(allow('/video', inspector)).toBe(true);
		expect(allow('/video', owner)).toBe(false);
		expect(allow('/video', null)).toBe(false);
		expect(allow('/api/video/ticket', staff)).toBe(true);
		expect(allow('/api/video/ticket', null)).toBe(false);
		expect(allow('/p/m1/kitchen', null)).toBe(true);
	});

	it('auth - a screen opens the wall and nothing else', () => {
		const allow = (path: string) => pageAccess(path, screen).allow;
		expect(allow('/command')).toBe(true);
		expect(allow('/api/command/live')).toBe(true);
		expect(allow('/api/command/screen')).toBe(true);
		expect(allow('/kiosk/revoked')).toBe(true);
		// The wall's video strip asks for a video ticket.
		expect(allow('/api/video/ticket')).toBe(true);
		expect(allow('/video')).toBe(false);
		// Every group but the wall (and those open to anyone) refuses it, `signed_in` ones too.
		for (const g of pageGroups) {
			if (g.name === 'wall' || g.prefix === '/api/video' || g.audience === 'anyone') continue;
			expect(pageAccess(`${g.prefix}/x`, screen), g.prefix).toMatchObject({
				allow: false,
				reason: 'forbidden'
			});
		}
		for (const path of ['/admin/screens', '/alerts/a1', '/tasks', '/account/password', '/nope']) {
			expect(allow(path), path).toBe(false);
		}
		expect(homeOf(screen.claims)).toBe('/command');
	});

	it('auth - the kiosk sign-in is open to anyone', () => {
		expect(pageAccess('/kiosk/scr-abc.secret', null).allow).toBe(true);
		expect(pageAccess('/kiosk/revoked', null).allow).toBe(true);
	});

	it('auth - an anonymous viewer is sent to sign in, a one-time password to change it', () => {
		expect(pageAccess('/admin', null)).toMatchObject({ allow: false, reason: 'sign_in' });
		const fresh = as({ role: 'admin', districts: [], merchants: [] }, true);
		expect(pageAccess('/admin', fresh)).toMatchObject({ allow: false, reason: 'change_password' });
		expect(pageAccess('/account/password', fresh).allow).toBe(true);
		expect(pageAccess('/login', fresh).allow).toBe(true);
		expect(pageAccess('/admin', lixia)).toMatchObject({ allow: false, reason: 'forbidden' });
	});

	it('auth - homes per role; after sign-in only an allowed local path is followed', () => {
		expect([admin, lixia, inspector, owner, staff].map((v) => homeOf(v.claims))).toEqual([
			'/admin',
			'/command',
			'/inspect',
			'/m',
			'/m/m1'
		]);
		expect(landingAfterSignIn('/command?district=370102', lixia)).toBe('/command?district=370102');
		for (const next of [
			'//evil.example',
			'/\\evil.example',
			'https://evil.example',
			'/admin',
			'/'
		]) {
			expect(landingAfterSignIn(next, lixia)).toBe('/command');
		}
		expect(landingAfterSignIn('/m/m2', staff)).toBe('/m/m1');
		expect(
			landingAfterSignIn('/command', as({ role: 'admin', districts: [], merchants: [] }, true))
		).toBe('/account/password');
	});
});

describe('rate limits', () => {
	it('auth - writes past the limit wait for the window to end', () => {
		const windows = new Map();
		const rule = { limit: 3, windowMs: 1_000 };
		const at = (t: number) => countRequest(windows, '10.0.0.1', rule, t);
		expect([at(0), at(10), at(20)].every((d) => d.allowed)).toBe(true);
		expect(at(400)).toEqual({ allowed: false, retryAfterMs: 600 });
		expect(countRequest(windows, '10.0.0.2', rule, 400).allowed).toBe(true);
		expect(at(1_000).allowed).toBe(true);
		sweepWindows(windows, rule, 5_000);
		expect(windows.size).toBe(0);
	});
});
