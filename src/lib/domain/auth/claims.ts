import { z } from 'zod';
import { districtId, entityId } from '../ids';

export const roles = [
	'admin',
	'supervisor',
	'inspector',
	'merchant_owner',
	'merchant_staff'
] as const;
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
	/** Districts a supervisor or inspector works in; empty for merchants; ignored for admins. */
	districts: z.array(districtId).max(50),
	/** Merchants a merchant owner or staff member works for (a chain has several). */
	merchants: z.array(entityId).max(500)
});
export type TicketClaims = z.infer<typeof ticketClaims>;
