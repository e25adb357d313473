import { error, redirect } from '@sveltejs/kit';
import { districts } from '$lib/domain/districts';
import { roomName } from '$lib/domain/live';
import { mayJoinRoom } from '$lib/domain/auth/policy';
import { viewerOf, WALL_VIEWERS } from '$lib/server/auth/guard';
import { mayDispatch } from '$lib/domain/command/drill';
import { screenId } from '$lib/domain/command/screen-access';
import type { PageServerLoad } from './$types';

const allDistricts: readonly string[] = districts.map((d) => d.id);

/**
 * `?district=370102` shows that district's room; no parameter, the whole city for those who
 * hold it, else the viewer's first district. A district outside the viewer's scope is a 403:
 * the gateway would refuse the room anyway, this says so before the screen starts.
 */
export const load: PageServerLoad = ({ locals, url }) => {
	const { claims } = viewerOf(locals, WALL_VIEWERS);
	const canDispatch = mayDispatch(claims.role);
	// An admin previewing a configured screen: the wall asks for that screen's settings.
	const asked = screenId.safeParse(url.searchParams.get('screen'));
	const preview = claims.role === 'admin' && asked.success ? asked.data : null;
	const district = url.searchParams.get('district');
	if (district === null) {
		if (mayJoinRoom(claims, 'city', allDistricts)) {
			return {
				district: null,
				room: roomName.parse('city'),
				districts: claims.districts,
				canDispatch,
				preview
			};
		}
		const first = claims.districts[0];
		if (!first) error(403, 'no district in your scope');
		redirect(303, `/command?district=${first}`);
	}
	if (!allDistricts.includes(district)) error(404, `unknown district ${district}`);
	const room = roomName.parse(`district:${district}`);
	if (!mayJoinRoom(claims, room, allDistricts)) error(403, 'district outside your jurisdiction');
	return { district, room, districts: claims.districts, canDispatch, preview };
};
