import { fail } from '@sveltejs/kit';
import { CITY_ID, CITY_SUBJECT_ID } from '$lib/domain/districts';
import { shortText } from '$lib/domain/events/common';
import { riskSettingsView } from '$lib/domain/risk/risk-read';
import { settingsFields, settingsFromForm } from '$lib/domain/risk/settings-form';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import { pollUntil, recordEvent } from '$lib/server/record-event';
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
		// Edited on the version in force only: another admin's save meanwhile would otherwise be
		// undone by this form's older numbers.
		if (Number(values.baseVersion) !== settings.version) {
			return fail(409, {
				problems: [{ path: 'version', message: `changed to version ${settings.version}` }],
				// The newest numbers show, only the reason is kept.
				values: { reason: values.reason ?? '' },
				stale: settings.version
			});
		}
		const checked = settingsFromForm(settings, Object.entries(values));
		const problems = [
			...(reason.success ? [] : [{ path: 'reason', message: 'required' }]),
			...(checked.ok ? [] : checked.problems)
		];
		if (!checked.ok || !reason.success) return fail(400, { problems, values, stale: null });
		await recordEvent(viewer, {
			type: 'risk.settings.changed',
			merchantId: CITY_SUBJECT_ID,
			districtId: CITY_ID,
			payload: { settings: checked.settings, reason: reason.data }
		});
		// Saved means in force: a second save of the same version is dead-lettered, not applied.
		const version = checked.settings.version;
		let now = await current(viewer.claims);
		await pollUntil(
			async () => ((now = await current(viewer.claims)).changes[0]?.version ?? 1) >= version,
			{ timeoutMs: 5_000, everyMs: 150 }
		);
		const mine = now.changes.find((c) => c.version === version);
		if (now.current.version !== version || mine?.actorId !== viewer.user.username) {
			return fail(409, {
				problems: [{ path: 'version', message: `changed to version ${now.current.version}` }],
				values: { reason: values.reason ?? '' },
				stale: now.current.version
			});
		}
		return { saved: version };
	}
};
