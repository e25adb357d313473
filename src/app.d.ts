// See https://svelte.dev/docs/kit/types#app.d.ts
import type { UserView } from '$lib/domain/accounts/account';
import type { TicketClaims } from '$lib/domain/auth/claims';

declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
		}
		interface Locals {
			/** Set once per request by hooks.server.ts from the session cookie; null when anonymous. */
			viewer: { user: UserView; claims: TicketClaims; sessionId: string } | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
