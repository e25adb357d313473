import { districts } from '../districts';
import type { TicketClaims } from './claims';

/** What a bearer may read: everything, or these districts and merchants. */
export type ReadScope = { all: true } | { all: false; districts: string[]; merchants: string[] };

export function readScope(claims: TicketClaims): ReadScope {
	if (claims.role === 'admin') return { all: true };
	// A screen reads like a supervisor of its districts (what it may do is another matter: nothing).
	if (claims.role === 'supervisor' || claims.role === 'inspector' || claims.role === 'screen') {
		return { all: false, districts: [...claims.districts], merchants: [] };
	}
	return { all: false, districts: [], merchants: [...claims.merchants] };
}

/** The districts a regulator works in (registers, dispatches in): an admin's are all of them. */
export function districtsOf(claims: TicketClaims): string[] {
	return claims.role === 'admin' ? districts.map((d) => d.id) : [...claims.districts];
}

/** Whether a record of this merchant (in this district) is within the scope. */
export function mayRead(
	scope: ReadScope,
	record: { merchantId: string; districtId: string }
): boolean {
	if (scope.all) return true;
	return scope.districts.includes(record.districtId) || scope.merchants.includes(record.merchantId);
}

/**
 * Which live rooms a bearer may join. `public` is everyone's (it carries no personal data);
 * `city` is the whole city's picture, for admins and for supervisors (or screens) of every district.
 */
export function mayJoinRoom(
	claims: TicketClaims | null,
	room: string,
	allDistricts: readonly string[]
): boolean {
	if (room === 'public') return true;
	if (!claims) return false;
	const scope = readScope(claims);
	if (scope.all) return true;
	if (room === 'city') {
		return allDistricts.length > 0 && allDistricts.every((d) => scope.districts.includes(d));
	}
	if (room.startsWith('district:')) return scope.districts.includes(room.slice('district:'.length));
	if (room.startsWith('merchant:')) return scope.merchants.includes(room.slice('merchant:'.length));
	return false;
}
