import { fail } from '@sveltejs/kit';
import { CITY_ID, CITY_SUBJECT_ID } from '$lib/domain/districts';
import { shortText } from '$lib/domain/events/common';
import { riskSettingsView } from '$lib/domain/risk/risk-read';
import { settingsFields, settingsFromForm } from '$lib/domain/risk/settings-form';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import { recordEvent } from '$lib/server/record-event';
import type { Actions, PageServerLoad } from './$types';

const current = (claims: Parameters<typeof readApi>[0]) =>
	readApi(claims, '/api/risk/settings', riskSettingsView);

/** The risk model's weights and bands, their history, and how far the last change has got. */
export const load: PageServerLoad = async ({ locals }) => {
	const { claims } = viewerOf(locals, ['admin']);
	const view = await current(claims);
	return { view, fields: settingsFields(view.current) };
};

export const actions: Actions = {
	/**
	 * A new settings version: every number of the form over the settings in force, numbered the
	 * next version, checked, and published as one event (the processor regrades the city).
	 */
	save: async ({ locals, request }) => {
		const viewer = viewerOf(locals, ['admin']);
		const form = await request.formData();
		const values = Object.fromEntries(
			[...form].flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []))
		);
		const reason = shortText(500).safeParse(values.reason ?? '');
		const { current: settings } = await current(viewer.claims);
		const checked = settingsFromForm(settings, Object.entries(values));
		const problems = [
			...(reason.success ? [] : [{ path: 'reason', message: 'required' }]),
			...(checked.ok ? [] : checked.problems)
		];
		if (!checked.ok || !reason.success) return fail(400, { problems, values });
		await recordEvent(viewer, {
			type: 'risk.settings.changed',
			merchantId: CITY_SUBJECT_ID,
			districtId: CITY_ID,
			payload: { settings: checked.settings, reason: reason.data }
		});
		return { saved: checked.settings.version };
	}
};
