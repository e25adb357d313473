import { z } from 'zod';
import type { TicketClaims } from '../auth/claims';
import { districts as cityDistricts } from '../districts';
import type { ScreenConfig } from './screen-config';

/**
 * A screen's id: made by the server (`scr-` and ten lowercase letters or digits), so it is a
 * KV key, a subject token and, prefixed with `screen:`, a ticket subject.
 */
export const screenId = z.string().regex(/^scr-[a-z0-9]{10}$/, 'not a screen id');

/** A kiosk token: `<screenId>.<secret>`, the secret 32 random bytes in base64url. */
const kioskTokenPattern = /^(scr-[a-z0-9]{10})\.([A-Za-z0-9_-]{43})$/;

export function parseKioskToken(token: string): { screenId: string; secret: string } | null {
	const m = kioskTokenPattern.exec(token);
	return m ? { screenId: m[1] as string, secret: m[2] as string } : null;
}

/** The districts a screen shows: its own, or every district of the city when it names none. */
export function screenDistricts(settings: Pick<ScreenConfig, 'districts'>): string[] {
	return settings.districts.length > 0 ? [...settings.districts] : cityDistricts.map((d) => d.id);
}

/** What a screen's tickets say: a read-only viewer of its districts, no merchants. */
export function screenClaims(config: Pick<ScreenConfig, 'id' | 'districts'>): TicketClaims {
	return {
		sub: `screen:${config.id}`,
		role: 'screen',
		districts: screenDistricts(config),
		merchants: []
	};
}
