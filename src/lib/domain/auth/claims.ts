import { z } from 'zod';
import { districtId, entityId } from '../ids';

/** The roles a person's account may hold. */
export const personRoles = [
	'admin',
	'supervisor',
	'inspector',
	'merchant_owner',
	'merchant_staff'
] as const;
export const personRole = z.enum(personRoles);
export type PersonRole = z.infer<typeof personRole>;

/**
 * Every bearer's role: a person's, or `screen`, a wall screen signed in by its kiosk token
 * (configured by admins, never an account): read-only, over its districts.
 */
export const roles = [...personRoles, 'screen'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/**
 * What a signed ticket says about its bearer: who, in which role, over which districts or
 * merchants. Readers (read API, live gateway, video) decide only from this, never from what a
 * request asks for.
 */
export const ticketClaims = z.object({
	sub: z.string().min(1).max(64),
	role,
	/** Districts a supervisor, inspector or screen works in; empty for merchants; ignored for admins. */
	districts: z.array(districtId).max(50),
	/** Merchants a merchant owner or staff member works for (a chain has several). */
	merchants: z.array(entityId).max(500)
});
export type TicketClaims = z.infer<typeof ticketClaims>;
