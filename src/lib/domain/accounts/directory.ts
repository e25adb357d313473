import type { User } from './account';
import type { AccountEvent } from './account-events';

/**
 * Folds one account event into the users: the directory is this fold over FS_ACCOUNTS, so it
 * can be rebuilt from the stream at any time. Events that do not fit (a change to an unknown
 * user, a second creation) are ignored; the writer's optimistic concurrency keeps them out.
 */
export function applyAccountEvent(users: Map<string, User>, e: AccountEvent): void {
	const user = users.get(e.username);
	if (e.type === 'user.created') {
		if (user) return;
		users.set(e.username, {
			username: e.username,
			displayName: e.payload.displayName,
			role: e.payload.access.role,
			districts: e.payload.access.districts,
			merchants: e.payload.access.merchants,
			passwordHash: e.payload.passwordHash,
			mustChangePassword: e.payload.mustChangePassword,
			disabled: false,
			sessionEpoch: 0,
			createdAt: e.at,
			updatedAt: e.at
		});
		return;
	}
	if (!user) return;
	const next = { ...user, updatedAt: e.at };
	switch (e.type) {
		case 'user.access_changed':
			Object.assign(next, {
				role: e.payload.access.role,
				districts: e.payload.access.districts,
				merchants: e.payload.access.merchants,
				sessionEpoch: user.sessionEpoch + 1
			});
			break;
		case 'user.renamed':
			next.displayName = e.payload.displayName;
			break;
		case 'user.disabled':
			Object.assign(next, { disabled: true, sessionEpoch: user.sessionEpoch + 1 });
			break;
		case 'user.enabled':
			next.disabled = false;
			break;
		case 'user.password_changed':
			Object.assign(next, {
				passwordHash: e.payload.passwordHash,
				mustChangePassword: e.payload.mustChangePassword,
				sessionEpoch: user.sessionEpoch + 1
			});
			break;
		default:
			return;
	}
	users.set(e.username, next);
}
