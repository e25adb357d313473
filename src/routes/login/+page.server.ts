import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { claimsOf } from '$lib/domain/accounts/account';
import { PASSWORD_MAX } from '$lib/domain/accounts/password-policy';
import { homeOf, landingAfterSignIn } from '$lib/domain/auth/pages';
import { accountServices, setSessionCookie } from '$lib/server/accounts/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	// A person signed in goes home; a kiosk's screen may still sign a person in.
	if (locals.viewer?.user) redirect(303, homeOf(locals.viewer.claims));
};

// Bounds before any work: a megabyte "password" is refused, not hashed.
const form = z.object({
	username: z.string().trim().min(1).max(64),
	password: z
		.string()
		.min(1)
		.max(PASSWORD_MAX * 4)
});

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const data = await request.formData().catch(() => null);
		const parsed = form.safeParse({
			username: data?.get('username') ?? undefined,
			password: data?.get('password') ?? undefined
		});
		const typed =
			typeof data?.get('username') === 'string' ? String(data?.get('username')).slice(0, 64) : '';
		if (!parsed.success) return fail(400, { username: typed, problem: 'missing' as const });
		const result = await accountServices()
			.then((services) =>
				services.signIn.signIn({
					...parsed.data,
					address: getClientAddress(),
					userAgent: request.headers.get('user-agent') ?? ''
				})
			)
			.catch((e: unknown) => {
				console.error(`[web] sign-in unavailable: ${(e as Error).message}`);
				return null;
			});
		if (!result) return fail(503, { username: typed, problem: 'unavailable' as const });
		if (!result.ok) {
			if (result.reason === 'throttled') {
				const minutes = Math.max(1, Math.ceil(result.retryAfterMs / 60_000));
				return fail(429, { username: typed, problem: 'throttled' as const, minutes });
			}
			return fail(400, { username: typed, problem: 'refused' as const });
		}
		setSessionCookie(cookies, url, result.cookie);
		redirect(
			303,
			landingAfterSignIn(url.searchParams.get('next'), {
				claims: claimsOf(result.user),
				mustChangePassword: result.user.mustChangePassword
			})
		);
	}
};
