import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '$lib/domain/accounts/password-policy';
import { AccountError } from '$lib/server/accounts/accounts';
import { accountServices, setSessionCookie } from '$lib/server/accounts/web';
import { viewerOf } from '$lib/server/auth/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const v = viewerOf(locals);
	return { mustChange: v.user.mustChangePassword, min: PASSWORD_MIN, max: PASSWORD_MAX };
};

const form = z.object({
	current: z
		.string()
		.min(1)
		.max(PASSWORD_MAX * 4),
	next: z.string().max(PASSWORD_MAX * 4),
	confirm: z.string().max(PASSWORD_MAX * 4)
});

type Problem =
	'missing' | 'mismatch' | 'wrong' | 'same' | NonNullable<ReturnType<typeof passwordProblem>>;

export const actions: Actions = {
	default: async ({ locals, request, cookies, url, getClientAddress }) => {
		const v = viewerOf(locals);
		const data = await request.formData().catch(() => null);
		const parsed = form.safeParse({
			current: data?.get('current') ?? undefined,
			next: data?.get('next') ?? undefined,
			confirm: data?.get('confirm') ?? undefined
		});
		const problem = (p: Problem) => fail(400, { problem: p });
		if (!parsed.success) return problem('missing');
		const { current, next, confirm } = parsed.data;
		if (next !== confirm) return problem('mismatch');
		const weak = passwordProblem(next, v.user.username);
		if (weak) return problem(weak);
		if (next === current) return problem('same');
		const services = await accountServices();
		const address = getClientAddress();
		// Throttled and audited like a sign-in: a stolen session is no way to guess the password.
		const confirmed = await services.signIn.confirmPassword(v.user.username, current, address);
		if (!confirmed.ok) {
			if (confirmed.reason === 'throttled') {
				return fail(429, {
					problem: 'throttled' as const,
					minutes: Math.ceil(confirmed.retryAfterMs / 60_000)
				});
			}
			return problem('wrong');
		}
		try {
			await services.accounts.changePassword(v.user.username, current, next, {
				id: v.user.username,
				address
			});
		} catch (e) {
			if (e instanceof AccountError && e.code === 'wrong_password') return problem('wrong');
			throw e;
		}
		// Every session ended, this one too: sign this browser straight back in with the new one.
		const again = await services.signIn.signIn({
			username: v.user.username,
			password: next,
			address,
			userAgent: request.headers.get('user-agent') ?? ''
		});
		if (again.ok) setSessionCookie(cookies, url, again.cookie);
		return { done: true };
	}
};
