import { z } from 'zod';
import { personRole, type PersonRole, type TicketClaims } from '../auth/claims';
import { districts as cityDistricts } from '../districts';
import { districtId, entityId } from '../ids';

/**
 * A username is also a NATS subject token and a KV key: lowercase letters, digits, `_` and `-`,
 * 3–32 characters, starting with a letter or digit. Typed input is lowercased first.
 */
export const username = z
	.string()
	.trim()
	.toLowerCase()
	.regex(
		/^[a-z0-9][a-z0-9_-]{2,31}$/,
		'must be 3–32 of a–z, 0–9, _ or -, starting with a–z or 0–9'
	);

/** A name shown to people; stored and shown as text, never as markup. */
export const displayName = z.string().trim().min(1).max(40);

const knownDistrict = districtId.refine((d) => cityDistricts.some((x) => x.id === d), {
	message: 'not a district of this city'
});

/**
 * What a user may do and where. The scope must match the role: regulators work in districts,
 * merchants' people in merchants, admins everywhere (their lists stay empty).
 */
export const access = z
	.object({
		// A person's role only: `screen` is for configured wall screens, never an account.
		role: personRole,
		districts: z.array(knownDistrict).max(50).default([]),
		merchants: z.array(entityId).max(500).default([])
	})
	.superRefine((a, ctx) => {
		const regulator = a.role === 'supervisor' || a.role === 'inspector';
		const merchant = a.role === 'merchant_owner' || a.role === 'merchant_staff';
		if (regulator && a.districts.length === 0) {
			ctx.addIssue({ code: 'custom', path: ['districts'], message: `${a.role} needs a district` });
		}
		if (merchant && a.merchants.length === 0) {
			ctx.addIssue({ code: 'custom', path: ['merchants'], message: `${a.role} needs a merchant` });
		}
		if (!regulator && a.districts.length > 0) {
			ctx.addIssue({ code: 'custom', path: ['districts'], message: `${a.role} has no districts` });
		}
		if (!merchant && a.merchants.length > 0) {
			ctx.addIssue({ code: 'custom', path: ['merchants'], message: `${a.role} has no merchants` });
		}
	})
	.transform((a) => ({
		...a,
		districts: [...new Set(a.districts)].sort(),
		merchants: [...new Set(a.merchants)]
	}));
export type Access = z.infer<typeof access>;

/** A user as the directory knows them: the fold of their account events. */
export interface User {
	username: string;
	displayName: string;
	role: PersonRole;
	districts: string[];
	merchants: string[];
	passwordHash: string;
	/** Set by a one-time password (created or reset by an admin): change it before anything else. */
	mustChangePassword: boolean;
	disabled: boolean;
	/**
	 * Bumped by every change that must end the user's sessions (disabled, password or access
	 * changed). A session remembers the epoch it was made in and is void once they differ.
	 */
	sessionEpoch: number;
	createdAt: string;
	updatedAt: string;
}

/** The user without secrets, for pages and lists. */
export type UserView = Omit<User, 'passwordHash'>;

export function userView({ passwordHash: _, ...rest }: User): UserView {
	return rest;
}

/** What the user's tickets say: readers decide only from this. */
export function claimsOf(
	user: Pick<User, 'username' | 'role' | 'districts' | 'merchants'>
): TicketClaims {
	return {
		sub: user.username,
		role: user.role,
		districts: [...user.districts],
		merchants: [...user.merchants]
	};
}
