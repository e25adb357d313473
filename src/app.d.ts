// See https://svelte.dev/docs/kit/types#app.d.ts
import type { UserView } from '$lib/domain/accounts/account';
import type { TicketClaims } from '$lib/domain/auth/claims';
import type { ScreenConfig } from '$lib/domain/command/screen-config';

declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
		}
		/** A person signed in by their session. */
		type PersonViewer = {
			user: UserView;
			claims: TicketClaims;
			sessionId: string;
			screen: null;
		};
		/** A wall screen signed in by its kiosk cookie: no account, no session, role `screen`. */
		type ScreenViewer = {
			user: null;
			claims: TicketClaims;
			sessionId: null;
			screen: ScreenConfig;
		};
		interface Locals {
			/**
			 * Set once per request by hooks.server.ts from the session cookie (a person) or, without
			 * one, the kiosk cookie (a screen); null when anonymous.
			 */
			viewer: PersonViewer | ScreenViewer | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
