import type { AccountServices } from '../../src/lib/server/accounts/open';
import { DEMO_PASSWORD, type DemoAccount } from './demo-accounts';

/** Creates the demo accounts that do not exist yet; existing ones are left as they are. */
export async function seedDemoAccounts(
	services: AccountServices,
	accounts: DemoAccount[],
	log: (line: string) => void
): Promise<void> {
	const created: string[] = [];
	for (const a of accounts) {
		if (services.directory.get(a.username)) continue;
		await services.accounts.create(
			{
				username: a.username,
				displayName: a.displayName,
				access: a.access,
				password: DEMO_PASSWORD
			},
			{ id: 'system', address: 'demo-seed' }
		);
		created.push(a.username);
	}
	log(
		created.length > 0
			? `demo accounts created: ${created.join(', ')} (password ${DEMO_PASSWORD})`
			: 'demo accounts already exist'
	);
}
