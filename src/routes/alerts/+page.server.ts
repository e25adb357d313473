import { fail } from '@sveltejs/kit';
import { districts } from '$lib/domain/districts';
import { actionOfForm, mayTakeAction } from '$lib/domain/alerts/actions';
import { alertQueryFromUrl, alertQueryString } from '$lib/domain/alerts/alert-query';
import { alertCounts, alertPage } from '$lib/domain/alerts/read-model';
import type { TicketClaims } from '$lib/domain/auth/claims';
import { roomName } from '$lib/domain/live';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import {
	actOnAlerts,
	alertQueryIn,
	ALERT_ACTORS,
	ALERT_READERS,
	deadlineInstant,
	MAX_BULK,
	MAX_MATCHING
} from './alerts.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * The live room that tells the list to refresh; inspectors have no wall tickets. The city room
 * is for those who hold every district; a supervisor of several follows the filtered district,
 * else the first of theirs.
 */
function roomOf(claims: TicketClaims, district: string | undefined) {
	if (claims.role === 'admin') return roomName.parse('city');
	if (claims.role !== 'supervisor') return null;
	if (districts.every((d) => claims.districts.includes(d.id))) return roomName.parse('city');
	const followed = district && claims.districts.includes(district) ? district : claims.districts[0];
	return followed ? roomName.parse(`district:${followed}`) : null;
}

/** The alert centre's list: the filters live in the URL, so a filtered view is a link. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = viewerOf(locals, ALERT_READERS);
	const { query, scope } = alertQueryIn(viewer, url);
	const [page, counts] = await Promise.all([
		readApi(viewer.claims, `/api/alerts?${alertQueryString(query)}`, alertPage),
		readApi(
			viewer.claims,
			`/api/alerts/counts${query.district ? `?district=${query.district}` : ''}`,
			alertCounts
		)
	]);
	return {
		query,
		page,
		counts,
		mayAct: ALERT_ACTORS.some((r) => r === viewer.claims.role),
		districts: scope.all ? districts.map((d) => d.id) : scope.districts,
		room: roomOf(viewer.claims, query.district),
		maxMatching: MAX_MATCHING,
		now: Date.now()
	};
};

export const actions: Actions = {
	/** One lifecycle step on every selected alert: "n done, m refused" with each reason. */
	act: async ({ locals, request }) => {
		const viewer = viewerOf(locals, ALERT_ACTORS);
		const form = await request.formData();
		// Every alert the list's filters match (its query travels with the form), or those ticked.
		const matching = form.get('matching') === '1';
		const listed = matching
			? await readApi(
					viewer.claims,
					`/api/alerts?${alertQueryString({
						...alertQueryFromUrl(new URLSearchParams(String(form.get('filters') ?? ''))),
						limit: MAX_MATCHING,
						offset: 0
					})}`,
					alertPage
				)
			: null;
		const ids = listed
			? listed.items.map((a) => a.id)
			: form.getAll('id').filter((v): v is string => typeof v === 'string' && v !== '');
		if (ids.length === 0) return fail(400, { problem: 'none_selected' as const });
		if (!listed && ids.length > MAX_BULK) return fail(400, { problem: 'too_many' as const });
		const fields = Object.fromEntries(
			[...form].filter(
				([k, v]) => !['id', 'matching', 'filters'].includes(k) && typeof v === 'string'
			)
		);
		const parsed = actionOfForm(fields, deadlineInstant);
		if (!parsed.ok) return fail(400, { problem: 'invalid' as const, field: parsed.problem });
		if (!mayTakeAction(viewer.claims.role, parsed.action.kind)) {
			return fail(403, { problem: 'forbidden' as const });
		}
		const outcome = await actOnAlerts(viewer, ids, parsed.action, listed?.items);
		return { kind: parsed.action.kind, outcome };
	}
};
