import { error } from '@sveltejs/kit';
import { districts } from '$lib/domain/districts';
import { roomName } from '$lib/domain/live';
import type { PageLoad } from './$types';

/** The wall screen runs deck.gl and a socket: browser only. */
export const ssr = false;

/** `?district=370102` shows that district's room; no parameter, the whole city. */
export const load: PageLoad = ({ url }) => {
	const district = url.searchParams.get('district');
	if (district === null) return { district: null, room: roomName.parse('city') };
	if (!districts.some((d) => d.id === district)) error(404, `unknown district ${district}`);
	return { district, room: roomName.parse(`district:${district}`) };
};
