import { z } from 'zod';
import { districtId, entityId } from '../../src/lib/domain/ids';
import { roomName } from '../../src/lib/domain/live';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { readScope, type ReadScope } from '../../src/lib/domain/auth/policy';
import { HttpError } from './http';

const listQuery = z.object({
	district: districtId.optional(),
	merchantId: entityId.optional(),
	q: z.string().trim().max(50).optional(),
	/** Events by this actor id (the audit view). */
	actor: z.string().trim().min(1).max(64).optional(),
	/** Events of this type. */
	type: z
		.string()
		.regex(/^[a-z_.]{1,64}$/)
		.optional(),
	/** Events that happened in [since, until): a day of one merchant's books. */
	since: z.iso.datetime().optional(),
	until: z.iso.datetime().optional(),
	limit: z.coerce.number().int().min(1).max(500).default(50),
	offset: z.coerce.number().int().min(0).max(1_000_000).default(0)
});
export type ListQuery = z.infer<typeof listQuery>;

/** Query parameters, checked: a bad one is a 400 that names it. */
export function parseList(query: URLSearchParams): ListQuery {
	const parsed = listQuery.safeParse(Object.fromEntries(query));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new HttpError(400, `${issue?.path.join('.')}: ${issue?.message}`);
	}
	return parsed.data;
}

export function parseId(value: string | undefined): string {
	const parsed = entityId.safeParse(value);
	if (!parsed.success) throw new HttpError(400, `id: ${parsed.error.issues[0]?.message}`);
	return parsed.data;
}

/** `?room=`, default the city; an unknown room is a 400. */
export function parseRoom(query: URLSearchParams): string {
	const parsed = roomName.safeParse(query.get('room') ?? 'city');
	if (!parsed.success) throw new HttpError(400, 'room: unknown room');
	return parsed.data;
}

/** `?day=YYYY-MM-DD` (a day on the districts' clock); required. */
export function parseDay(query: URLSearchParams): string {
	const parsed = z.iso.date().safeParse(query.get('day'));
	if (!parsed.success) throw new HttpError(400, 'day: expected YYYY-MM-DD');
	return parsed.data;
}

/** `?codes=A,B,…`: up to 200 统一社会信用代码 (the import asks in chunks). */
export function parseCreditCodes(query: URLSearchParams): string[] {
	const codes = (query.get('codes') ?? '').split(',').filter(Boolean);
	if (codes.length < 1 || codes.length > 200) {
		throw new HttpError(400, 'codes: 1 to 200 credit codes');
	}
	if (!codes.every((c) => /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(c))) {
		throw new HttpError(400, 'codes: not a credit code');
	}
	return codes;
}

/** A query string checked by a schema: a bad value is a 400 that names it. */
export function parseQuery<S extends z.ZodType>(schema: S, query: URLSearchParams): z.infer<S> {
	const parsed = schema.safeParse(Object.fromEntries([...query].filter(([, v]) => v !== '')));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new HttpError(400, `${issue?.path.join('.')}: ${issue?.message}`);
	}
	return parsed.data;
}

/** The scope of a regulator (admin, supervisor, inspector): a merchant's people get a 403. */
export function regulatorScope(claims: TicketClaims): ReadScope {
	const scope = readScope(claims);
	if (!scope.all && scope.districts.length === 0) throw new HttpError(403, 'for regulators');
	return scope;
}

/** Districts asked for must be the scope's: one outside it is a 403. */
export function inDistricts(scope: ReadScope, ids: readonly (string | undefined)[]): void {
	if (!scope.all && ids.some((d) => d !== undefined && !scope.districts.includes(d))) {
		throw new HttpError(403, 'district outside your jurisdiction');
	}
}
