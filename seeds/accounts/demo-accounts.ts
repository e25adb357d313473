import { districts } from '../../src/lib/domain/districts';
import type { Access } from '../../src/lib/domain/accounts/account';
import type { DemoDistrict } from '../generator/model';

/**
 * The demo's accounts, one or more per role, all with one known password. They exist only in
 * demo mode (the simulator seeds them); a real deployment starts from `npm run admin -- create`.
 */
export const DEMO_PASSWORD = 'shian-demo-2026';

export interface DemoAccount {
	username: string;
	displayName: string;
	access: Omit<Access, 'districts' | 'merchants'> & { districts?: string[]; merchants?: string[] };
}

export function demoAccounts(district: DemoDistrict): DemoAccount[] {
	const lixia = district.merchants.filter((m) => m.districtId === '370102');
	const [first, second] = lixia.length >= 2 ? lixia : district.merchants;
	if (!first || !second) throw new Error('demo accounts need at least two merchants');
	return [
		{ username: 'admin', displayName: '系统管理员', access: { role: 'admin' } },
		{
			username: 'jinan',
			displayName: '市局监管员',
			access: { role: 'supervisor', districts: districts.map((d) => d.id) }
		},
		{
			username: 'lixia',
			displayName: '历下区监管员',
			access: { role: 'supervisor', districts: ['370102'] }
		},
		{
			username: 'inspector',
			displayName: '历下区执法员',
			access: { role: 'inspector', districts: [first.districtId] }
		},
		// Inspections go in twos (执法人员不少于两人): random draws need a second one.
		{
			username: 'inspector2',
			displayName: '历下区执法员二',
			access: { role: 'inspector', districts: [first.districtId] }
		},
		{
			username: 'owner',
			displayName: `${first.contact.name}（店主）`,
			access: { role: 'merchant_owner', merchants: [first.id, second.id] }
		},
		{
			username: 'staff',
			displayName: `${first.name}员工`,
			access: { role: 'merchant_staff', merchants: [first.id] }
		}
	];
}
