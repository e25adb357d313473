import { describe, expect, it } from 'vitest';
import { mayTakeAction } from '../../domain/alerts/actions';
import { screenClaims } from '../../domain/command/screen-access';
import { defaultScreenSettings } from '../../domain/command/screen-config';
import { viewerOf, WALL_VIEWERS } from './guard';

const screen = { ...defaultScreenSettings([]), id: 'scr-abcdefghij', version: 1, updatedAt: '' };
const locals = {
	viewer: { user: null, claims: screenClaims(screen), sessionId: null, screen }
} satisfies App.Locals;

const status = (f: () => unknown) => {
	try {
		f();
		return 200;
	} catch (e) {
		return (e as { status?: number }).status;
	}
};

describe('guard', () => {
	it('auth - a screen passes only where the route names it: the wall', () => {
		expect(status(() => viewerOf(locals, WALL_VIEWERS))).toBe(200);
		expect(status(() => viewerOf(locals))).toBe(403);
		expect(status(() => viewerOf(locals, ['admin', 'supervisor']))).toBe(403);
		expect(status(() => viewerOf(locals, ['admin', 'supervisor', 'inspector']))).toBe(403);
		expect(status(() => viewerOf({ viewer: null }, WALL_VIEWERS))).toBe(401);
	});

	it('auth - a screen takes no step on an alert', () => {
		for (const kind of [
			'acknowledge',
			'notify',
			'verify',
			'close',
			'escalate',
			'dismiss',
			'report_fix'
		] as const) {
			expect(mayTakeAction('screen', kind), kind).toBe(false);
		}
	});
});
