import { error, fail, redirect } from '@sveltejs/kit';
import { screenId } from '$lib/domain/command/screen-access';
import { defaultScreenSettings } from '$lib/domain/command/screen-config';
import {
	screenFormOf,
	screenSettingsFromForm,
	type ScreenFormInput
} from '$lib/domain/command/screen-form';
import { viewerOf } from '$lib/server/auth/guard';
import { ScreenError } from '$lib/server/screens/store';
import { forgetScreen, screenStore } from '$lib/server/screens/web';
import type { Actions, PageServerLoad } from './$types';

/** `new` opens an empty form; any other id must be a configured screen. */
const NEW = 'new';

function idOf(param: string): string {
	if (!screenId.safeParse(param).success) error(404, 'no such screen');
	return param;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	viewerOf(locals, ['admin']);
	if (params.id === NEW) {
		return {
			screen: null,
			form: { ...screenFormOf(defaultScreenSettings([])), name: '' },
			token: null,
			lastSeen: null
		};
	}
	const id = idOf(params.id);
	const store = await screenStore();
	const screen = await store.get(id);
	if (!screen) error(404, 'no such screen');
	const [token, lastSeen] = await Promise.all([store.tokenState(id), store.lastSeen(id)]);
	return { screen, form: screenFormOf(screen), token, lastSeen };
};

function formInput(form: FormData): ScreenFormInput {
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : '';
	};
	const list = (name: string) =>
		form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
	return {
		name: text('name'),
		districts: list('districts'),
		panels: list('panels'),
		views: list('views'),
		rotationSeconds: text('rotationSeconds'),
		takeoverSeconds: text('takeoverSeconds'),
		staleAfterSeconds: text('staleAfterSeconds'),
		mapIndicator: text('mapIndicator')
	};
}

const actorOf = (locals: App.Locals, address: string) => ({
	id: viewerOf(locals, ['admin']).user.username,
	address
});

export const actions: Actions = {
	/**
	 * Creates the screen, or saves it over the version the form was shown with: a save by another
	 * admin since is not overwritten, the form says so and shows what was typed.
	 */
	save: async ({ locals, params, request, getClientAddress }) => {
		const actor = actorOf(locals, getClientAddress());
		const form = await request.formData();
		const values = formInput(form);
		const checked = screenSettingsFromForm(values);
		if (!checked.ok) return fail(400, { problems: checked.problems, values, stale: null });
		const store = await screenStore();
		if (params.id === NEW) {
			const created = await store.create(checked.settings, actor);
			redirect(303, `/admin/screens/${created.id}?saved=1`);
		}
		const id = idOf(params.id);
		try {
			const saved = await store.save(id, checked.settings, Number(form.get('version')), actor);
			forgetScreen(id);
			return { saved: saved.version };
		} catch (e) {
			if (e instanceof ScreenError && e.code === 'stale') {
				return fail(409, { problems: [], values, stale: e.current ?? null });
			}
			if (e instanceof ScreenError && e.code === 'unknown') error(404, 'no such screen');
			throw e;
		}
	},

	/** A new kiosk token: its URL is shown this once; the screen's previous URL stops working. */
	issue: async ({ locals, params, url, getClientAddress }) => {
		const actor = actorOf(locals, getClientAddress());
		const id = idOf(params.id);
		try {
			const { token } = await (await screenStore()).issueToken(id, actor);
			forgetScreen(id);
			return { kioskUrl: `${url.origin}/kiosk/${token}` };
		} catch (e) {
			if (e instanceof ScreenError) error(404, 'no such screen');
			throw e;
		}
	},

	/** Withdraws the token: the screen is signed out within seconds (at once on this server). */
	revoke: async ({ locals, params, getClientAddress }) => {
		const actor = actorOf(locals, getClientAddress());
		const id = idOf(params.id);
		const revoked = await (await screenStore()).revokeToken(id, actor);
		forgetScreen(id);
		return { revoked };
	},

	delete: async ({ locals, params, getClientAddress }) => {
		const actor = actorOf(locals, getClientAddress());
		const id = idOf(params.id);
		await (await screenStore()).delete(id, actor).catch((e: unknown) => {
			if (e instanceof ScreenError) error(404, 'no such screen');
			throw e;
		});
		forgetScreen(id);
		redirect(303, '/admin/screens');
	}
};
