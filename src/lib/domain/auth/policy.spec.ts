import { describe, expect, it } from 'vitest';
import { maskName } from './mask';
import { mayJoinRoom, mayRead, readScope } from './policy';

const all = ['370102', '370103'];
const admin = { sub: 'a', role: 'admin' as const, districts: [], merchants: [] };
const lixia = { sub: 's', role: 'supervisor' as const, districts: ['370102'], merchants: [] };
const city = { sub: 'c', role: 'supervisor' as const, districts: all, merchants: [] };
const owner = {
	sub: 'o',
	role: 'merchant_owner' as const,
	districts: ['370102'],
	merchants: ['m1']
};

describe('policy', () => {
	it('auth - rooms: public for all, city for whole-city roles, districts and merchants by scope', () => {
		expect(mayJoinRoom(null, 'public', all)).toBe(true);
		expect(mayJoinRoom(null, 'city', all)).toBe(false);
		expect(mayJoinRoom(admin, 'city', all)).toBe(true);
		expect(mayJoinRoom(city, 'city', all)).toBe(true);
		expect(mayJoinRoom(lixia, 'city', all)).toBe(false);
		expect(mayJoinRoom(lixia, 'district:370102', all)).toBe(true);
		expect(mayJoinRoom(lixia, 'district:370103', all)).toBe(false);
		expect(mayJoinRoom(owner, 'merchant:m1', all)).toBe(true);
		expect(mayJoinRoom(owner, 'merchant:m2', all)).toBe(false);
		// A merchant's districts in its ticket give it no district room.
		expect(mayJoinRoom(owner, 'district:370102', all)).toBe(false);
	});

	it('auth - reads: a supervisor of district A cannot read a merchant of district B', () => {
		expect(mayRead(readScope(lixia), { merchantId: 'm9', districtId: '370102' })).toBe(true);
		expect(mayRead(readScope(lixia), { merchantId: 'm9', districtId: '370103' })).toBe(false);
		expect(mayRead(readScope(owner), { merchantId: 'm1', districtId: '370103' })).toBe(true);
		expect(mayRead(readScope(owner), { merchantId: 'm2', districtId: '370102' })).toBe(false);
		expect(mayRead(readScope(admin), { merchantId: 'm2', districtId: '370199' })).toBe(true);
	});

	it('auth - names on public pages are masked', () => {
		expect(['张三', '张小三', '欧阳小明', '李', ' 王五 '].map(maskName)).toEqual([
			'张*',
			'张*三',
			'欧**明',
			'李',
			'王*'
		]);
	});
});
