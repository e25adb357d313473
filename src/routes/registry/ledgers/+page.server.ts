import { error } from '@sveltejs/kit';
import { mayJoinRoom } from '$lib/domain/auth/policy';
import { districts } from '$lib/domain/districts';
import { daysEnding } from '$lib/domain/ledgers/completeness';
import { summarize } from '$lib/domain/ledgers/district-summary';
import { roomName } from '$lib/domain/live';
import { completeness, merchantCompleteness } from '$lib/domain/registry/read-model';
import { localDay } from '$lib/domain/time';
import { readApi } from '$lib/server/read-api';
import { viewerOf } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

const allDistricts: readonly string[] = districts.map((d) => d.id);
const WINDOWS = [7, 30, 90] as const;

/**
 * 台账监管: completeness of the daily books per district and kind, today and over a window,
 * the trend, and the merchants of one district that keep them worst.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { claims } = viewerOf(locals, ['admin', 'supervisor', 'inspector']);
	const mine = claims.role === 'admin' ? allDistricts : claims.districts;
	const asked = url.searchParams.get('district');
	if (asked && !mine.includes(asked)) error(403, 'district outside your jurisdiction');
	const district = asked ?? (mine.length === 1 ? (mine[0] ?? null) : null);
	const window = WINDOWS.find((w) => String(w) === url.searchParams.get('days')) ?? 30;
	const today = localDay(Date.now());
	const days = daysEnding(today, window);
	const range = `from=${days[0]}&to=${today}`;
	// The worst list judges finished days only: today's books are not missing yet.
	const finished = days.filter((d) => d < today);
	const [c, worst] = await Promise.all([
		readApi(claims, `/api/ledgers/completeness?${range}`, completeness),
		district && finished.length > 0
			? readApi(
					claims,
					`/api/ledgers/merchants?from=${finished[0]}&to=${finished.at(-1)}&district=${district}&limit=20`,
					merchantCompleteness
				)
			: null
	]);
	const room = district ? `district:${district}` : 'city';
	return {
		today,
		days,
		window,
		windows: WINDOWS,
		district,
		summaries: summarize(c, today, days),
		worst: worst?.items ?? [],
		// Live refresh for those who may hold the room (the gateway checks it again).
		room:
			claims.role !== 'inspector' && mayJoinRoom(claims, room, allDistricts)
				? roomName.parse(room)
				: null
	};
};
