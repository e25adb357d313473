import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { z } from 'zod';
import { username } from '$lib/domain/accounts/account';
import { readAudit } from '$lib/server/accounts/audit';
import { viewerOf } from '$lib/server/auth/guard';
import { nats } from '$lib/server/nats';
import type { PageServerLoad } from './$types';

const LIMIT = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

const filters = z.object({
	user: z.union([z.literal(''), username]).default(''),
	kind: z.enum(['all', 'accounts', 'signins']).default('all'),
	from: z.union([z.literal(''), z.iso.date()]).default('')
});

export const load: PageServerLoad = async ({ locals, url }) => {
	viewerOf(locals, ['admin']);
	const parsed = filters.safeParse(Object.fromEntries(url.searchParams));
	const f = parsed.success ? parsed.data : filters.parse({});
	const since = f.from ? new Date(`${f.from}T00:00:00+08:00`) : new Date(Date.now() - 30 * DAY_MS);
	const { nc } = await nats();
	const { items, truncated } = await readAudit(jetstream(nc), await jetstreamManager(nc), {
		username: f.user || undefined,
		kind: f.kind,
		since,
		limit: LIMIT
	});
	return { filters: f, invalid: !parsed.success, items, truncated, limit: LIMIT };
};
