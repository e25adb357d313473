import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { z } from 'zod';
import { username } from '$lib/domain/accounts/account';
import { posKeyAuditName, screenAuditName } from '$lib/domain/accounts/account-events';
import { readAudit } from '$lib/server/accounts/audit';
import { eventList } from '$lib/domain/read-model';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import { nats } from '$lib/server/nats';
import type { PageServerLoad } from './$types';

const LIMIT = 500;
const DATA_LIMIT = 300;
const DAY_MS = 24 * 60 * 60 * 1000;

const filters = z.object({
	/** An account, a wall screen as `screen:<id>`, or a shop's POS keys as `pos:<merchantId>`. */
	user: z.union([z.literal(''), username, screenAuditName, posKeyAuditName]).default(''),
	kind: z.enum(['all', 'accounts', 'signins', 'data']).default('all'),
	/** Data events: by this actor id (a user name, a device, the simulator). */
	actor: z.union([z.literal(''), z.string().trim().max(64)]).default(''),
	from: z.union([z.literal(''), z.iso.date()]).default('')
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const { claims } = viewerOf(locals, ['admin']);
	const parsed = filters.safeParse(Object.fromEntries(url.searchParams));
	const f = parsed.success ? parsed.data : filters.parse({});
	if (f.kind === 'data') {
		// Data events (ledgers, sales, registrations…) with their actor, from the store.
		const params = new URLSearchParams({ limit: String(DATA_LIMIT) });
		if (f.actor) params.set('actor', f.actor);
		const { items } = await readApi(claims, `/api/events?${params}`, eventList);
		const data = items.map(({ payload: _, ...e }) => e);
		return {
			filters: f,
			invalid: !parsed.success,
			items: [],
			data,
			truncated: data.length >= DATA_LIMIT,
			limit: DATA_LIMIT
		};
	}
	const since = f.from ? new Date(`${f.from}T00:00:00+08:00`) : new Date(Date.now() - 30 * DAY_MS);
	const { nc } = await nats();
	const { items, truncated } = await readAudit(jetstream(nc), await jetstreamManager(nc), {
		username: f.user || undefined,
		kind: f.kind,
		since,
		limit: LIMIT
	});
	return { filters: f, invalid: !parsed.success, items, data: [], truncated, limit: LIMIT };
};
