import type { AccountServices } from '../../src/lib/server/accounts/open';

/** The password of every test account (long enough, not common, contains no username). */
export const TEST_PASSWORD = 'spring water 2026';

/** One account per role over two districts and two merchants (m-a in 历下, m-b in 市中). */
export const testUsers = [
	{ username: 'root', displayName: '管理员', access: { role: 'admin' } },
	{
		username: 'city',
		displayName: '市局',
		access: {
			role: 'supervisor',
			districts: [
				'370102',
				'370103',
				'370104',
				'370105',
				'370112',
				'370113',
				'370124',
				'370125',
				'370126',
				'370181'
			]
		}
	},
	{
		username: 'sup-a',
		displayName: '历下监管',
		access: { role: 'supervisor', districts: ['370102'] }
	},
	{
		username: 'insp-a',
		displayName: '历下执法',
		access: { role: 'inspector', districts: ['370102'] }
	},
	{
		username: 'own-ab',
		displayName: '连锁店主',
		access: { role: 'merchant_owner', merchants: ['m-a', 'm-b'] }
	},
	{
		username: 'staff-a',
		displayName: '甲店员工',
		access: { role: 'merchant_staff', merchants: ['m-a'] }
	}
] as const;

export type TestUsername = (typeof testUsers)[number]['username'];

export async function createTestUsers(services: AccountServices): Promise<void> {
	for (const u of testUsers) {
		if (services.directory.get(u.username)) continue;
		await services.accounts.create(
			{ ...u, password: TEST_PASSWORD },
			{ id: 'system', address: 'test' }
		);
	}
}

/** Signs in through the login form over HTTP; returns the Cookie header for later requests. */
export async function httpSignIn(
	webUrl: string,
	username: string,
	password = TEST_PASSWORD
): Promise<{ status: number; location: string | null; cookie: string | null }> {
	const res = await fetch(`${webUrl}/login`, {
		method: 'POST',
		headers: {
			origin: webUrl,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ username, password }),
		redirect: 'manual'
	});
	const set = res.headers.get('set-cookie');
	const cookie = set ? (set.split(';')[0] ?? null) : null;
	return { status: res.status, location: res.headers.get('location'), cookie };
}
