import { fail } from '@sveltejs/kit';
import { userView } from '$lib/domain/accounts/account';
import { AccountError, type AccountActor } from '$lib/server/accounts/accounts';
import { accountServices } from '$lib/server/accounts/web';
import { viewerOf } from '$lib/server/auth/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	viewerOf(locals, ['admin']);
	const { directory } = await accountServices();
	return { users: directory.list().map(userView) };
};

/** Form fields as the access schema takes them; the schema (in the domain) decides validity. */
function accessFrom(form: FormData) {
	const merchants = String(form.get('merchants') ?? '')
		.split(/[,，\s]+/)
		.filter(Boolean);
	return {
		role: String(form.get('role') ?? ''),
		districts: form.getAll('districts').map(String),
		merchants
	};
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, 200);

/** Runs one admin command: an AccountError is the admin's mistake (400), shown in the page. */
async function command<T>(
	locals: App.Locals,
	getClientAddress: () => string,
	run: (actor: AccountActor, self: string) => Promise<T>
) {
	const admin = viewerOf(locals, ['admin']);
	try {
		return await run({ id: admin.user.username, address: getClientAddress() }, admin.user.username);
	} catch (e) {
		if (e instanceof AccountError) return fail(400, { error: e.message });
		throw e;
	}
}

const notSelf = (username: string, self: string) => {
	// An admin cannot lock themselves out; another admin can.
	if (username === self) {
		throw new AccountError('you cannot do this to your own account', 'invalid');
	}
};

export const actions: Actions = {
	create: ({ locals, request, getClientAddress }) =>
		command(locals, getClientAddress, async (actor) => {
			const form = await request.formData();
			const { accounts } = await accountServices();
			const { user, oneTimePassword } = await accounts.create(
				{
					username: field(form, 'username'),
					displayName: field(form, 'displayName'),
					access: accessFrom(form)
				},
				actor
			);
			return { done: 'created' as const, username: user.username, oneTimePassword };
		}),
	access: ({ locals, request, getClientAddress }) =>
		command(locals, getClientAddress, async (actor, self) => {
			const form = await request.formData();
			const username = field(form, 'username');
			notSelf(username, self);
			const { accounts } = await accountServices();
			await accounts.changeAccess(username, accessFrom(form), actor);
			return { done: 'access' as const, username };
		}),
	disable: ({ locals, request, getClientAddress }) =>
		command(locals, getClientAddress, async (actor, self) => {
			const form = await request.formData();
			const username = field(form, 'username');
			notSelf(username, self);
			const { accounts } = await accountServices();
			await accounts.disable(username, field(form, 'reason'), actor);
			return { done: 'disabled' as const, username };
		}),
	enable: ({ locals, request, getClientAddress }) =>
		command(locals, getClientAddress, async (actor) => {
			const form = await request.formData();
			const username = field(form, 'username');
			const { accounts } = await accountServices();
			await accounts.enable(username, actor);
			return { done: 'enabled' as const, username };
		}),
	reset: ({ locals, request, getClientAddress }) =>
		command(locals, getClientAddress, async (actor, self) => {
			const form = await request.formData();
			const username = field(form, 'username');
			notSelf(username, self);
			const { accounts } = await accountServices();
			const oneTimePassword = await accounts.resetPassword(username, actor);
			return { done: 'reset' as const, username, oneTimePassword };
		})
};
