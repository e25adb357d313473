import type { Cookies } from '@sveltejs/kit';
import { config } from '../config';
import { nats } from '../nats';
import { openAccountServices, type AccountServices } from './open';

let services: Promise<AccountServices> | undefined;

/** The web server's accounts, sessions and sign-in, opened once on its NATS connection. */
export function accountServices(): Promise<AccountServices> {
	services ??= nats()
		.then(({ nc }) => {
			const c = config();
			return openAccountServices(nc, {
				limits: { idleMs: c.SESSION_IDLE_MINUTES * 60_000, maxMs: c.SESSION_MAX_HOURS * 3_600_000 },
				log: (m) => console.warn(`[web] ${m}`)
			});
		})
		.catch((e: unknown) => {
			services = undefined;
			throw e;
		});
	return services;
}

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on another site's
 * form posts; Kit's origin check refuses those too), Secure and `__Host-` over https.
 */
export function sessionCookie(url: URL): { name: string; secure: boolean } {
	const secure = url.protocol === 'https:';
	return { name: secure ? '__Host-fs_session' : 'fs_session', secure };
}

export function setSessionCookie(cookies: Cookies, url: URL, value: string): void {
	const { name, secure } = sessionCookie(url);
	cookies.set(name, value, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		// No maxAge: the cookie ends with the browser (shared office machines); the server ends the
		// session itself after SESSION_IDLE_MINUTES unused or SESSION_MAX_HOURS in any case.
		secure
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	const { name, secure } = sessionCookie(url);
	cookies.delete(name, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
