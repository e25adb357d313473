import { error, json } from '@sveltejs/kit';
import { screenId } from '$lib/domain/command/screen-access';
import {
	defaultScreenSettings,
	screenAnswer,
	screenSettings,
	type ScreenConfig
} from '$lib/domain/command/screen-config';
import { viewerOf, WALL_VIEWERS } from '$lib/server/auth/guard';
import { screenStore } from '$lib/server/screens/web';
import type { RequestHandler } from './$types';

/**
 * What the wall shows and how it behaves. A kiosk screen gets its own configuration, read fresh
 * (the wall asks every few seconds and applies a newer version); a person gets the defaults over
 * their districts (an admin's: the city), or, for an admin, a configured screen by `?screen=`.
 * A revoked screen never gets here: the hook answers it 401.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const viewer = viewerOf(locals, WALL_VIEWERS);
	const asked = url.searchParams.get('screen');
	let answer: { screen: ScreenConfig | null; settings: unknown };
	if (viewer.screen) {
		const screen = await (await screenStore()).get(viewer.screen.id);
		// Deleted since the hook's check: signed out like a revoked one.
		if (!screen) error(401, 'screen no longer authorised');
		answer = { screen, settings: settingsOf(screen) };
	} else if (asked !== null) {
		if (viewer.claims.role !== 'admin') error(403, 'previewing a screen is for admins');
		if (!screenId.safeParse(asked).success) error(400, 'screen: not a screen id');
		const screen = await (await screenStore()).get(asked);
		if (!screen) error(404, `no screen ${asked}`);
		answer = { screen, settings: settingsOf(screen) };
	} else {
		// Settings name one district or none (the city). A person's wall takes its views from the
		// page's room; a person over several districts (a city supervisor) gets none here, which
		// answered 500 while it listed them all.
		const own = viewer.claims.role === 'admin' ? [] : viewer.claims.districts;
		const districts = own.length === 1 ? own : [];
		// The defaults' name is empty, which the settings' schema refuses: a person's wall goes by
		// the person's name.
		const name = viewer.user?.displayName ?? '';
		answer = { screen: null, settings: { ...defaultScreenSettings(districts), name } };
	}
	return json(screenAnswer.parse(answer), { headers: { 'cache-control': 'no-store' } });
};

/** A configuration's settings: the schema keeps its own fields and drops id, version, time. */
const settingsOf = (screen: ScreenConfig) => screenSettings.parse(screen);
