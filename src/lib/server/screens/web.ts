import { jetstream } from '@nats-io/jetstream';
import type { Cookies } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import type { ScreenConfig } from '../../domain/command/screen-config';
import { accountServices } from '../accounts/web';
import { nats } from '../nats';
import { ScreenStore } from './store';

let store: Promise<ScreenStore> | undefined;

/** The web server's screen store, opened once on its NATS connection (after the streams exist). */
export function screenStore(): Promise<ScreenStore> {
	store ??= Promise.all([nats(), accountServices()])
		.then(([{ nc }]) => ScreenStore.open(jetstream(nc)))
		.catch((e: unknown) => {
			store = undefined;
			throw e;
		});
	return store;
}

/**
 * The kiosk cookie: HttpOnly, SameSite=Lax, Secure and `__Host-` over https (as the session
 * cookie), and long-lived: a wall screen must come back signed in after a power cut.
 */
export function screenCookie(url: URL): { name: string; secure: boolean } {
	const secure = url.protocol === 'https:';
	return { name: secure ? '__Host-fs_screen' : 'fs_screen', secure };
}

const KIOSK_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

/**
 * What the cookie holds once its token is refused: no credential any more, but the browser is
 * still known as a screen, so its pages go to the revoked page rather than to the login.
 */
export const REVOKED_MARK = 'revoked';

const cookieOptions = (secure: boolean) =>
	({ path: '/', httpOnly: true, sameSite: 'lax', maxAge: KIOSK_COOKIE_MAX_AGE, secure }) as const;

export function setScreenCookie(cookies: Cookies, url: URL, value: string): void {
	const { name, secure } = screenCookie(url);
	cookies.set(name, value, cookieOptions(secure));
}

/**
 * The revoked mark as a header, for answers the hook makes itself: Kit adds `cookies.set` only
 * to responses that went through `resolve`.
 */
export function revokedMarkHeader(url: URL): string {
	const { name, secure } = screenCookie(url);
	const o = cookieOptions(secure);
	return `${name}=${REVOKED_MARK}; Path=${o.path}; Max-Age=${o.maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

// A screen's token is checked against the store at most this long ago: revocation takes effect
// within seconds everywhere, and at once on the server where the admin revoked it.
const CACHE_MS = 5_000;
const CACHE_LIMIT = 1_000;
// A screen's last visit is written at most this often.
const SEEN_EVERY_MS = 60_000;

const checked = new Map<string, { screen: ScreenConfig | null; until: number }>();
const seenAt = new Map<string, number>();
const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The screen a kiosk cookie signs in, or null when its token is refused (revoked, replaced,
 * unknown). Throws when the store cannot be asked (NATS down).
 */
export async function resolveScreen(token: string, now = Date.now()): Promise<ScreenConfig | null> {
	const key = digest(token);
	const hit = checked.get(key);
	if (hit && hit.until > now) return hit.screen;
	const screens = await screenStore();
	const result = await screens.verify(token);
	const screen = result.ok ? result.screen : null;
	if (checked.size >= CACHE_LIMIT) checked.clear();
	checked.set(key, { screen, until: now + CACHE_MS });
	if (screen && now - (seenAt.get(screen.id) ?? 0) > SEEN_EVERY_MS) {
		seenAt.set(screen.id, now);
		screens.touch(screen.id).catch((e: unknown) => {
			console.warn(`[web] screen ${screen.id}: last seen not recorded: ${(e as Error).message}`);
		});
	}
	return screen;
}

/** Drops what this server remembers of a screen's token (after a revoke, reissue or change). */
export function forgetScreen(id: string): void {
	for (const [key, entry] of checked) {
		if (entry.screen?.id === id) checked.delete(key);
	}
}
