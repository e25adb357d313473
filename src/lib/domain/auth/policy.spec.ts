import { describe, expect, it } from 'vitest';
import { maskName } from './mask';
import { mayJoinRoom, mayRead, readScope } from './policy';

const all = ['370102', '370103'];
const admin = { sub: 'a', role: 'admin' as const, districts: [], merchants: [] };
const lixia = { sub: 's', role: 'supervisor' as const, districts: ['370102'], merchants: [] };
const city = { sub: 'c', role: 'supervisor' as const, districts: all, merchants: [] };
const screenOf = (districts: string[]) => ({
	sub: 'screen:scr-1',
	role: 'screen' as const,
	districts,
	merchants: []
});
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

	it('auth - a screen reads and joins like a supervisor of its districts', () => {
		const lobby = screenOf(['370102']);
		expect(readScope(lobby)).toEqual({ all: false, districts: ['370102'], merchants: [] });
		expect(mayRead(readScope(lobby), { merchantId: 'm9', districtId: '370102' })).toBe(true);
		expect(mayRead(readScope(lobby), { merchantId: 'm9', districtId: '370103' })).toBe(false);
		expect(mayJoinRoom(lobby, 'district:370102', all)).toBe(true);
		expect(mayJoinRoom(lobby, 'district:370103', all)).toBe(false);
		expect(mayJoinRoom(lobby, 'city', all)).toBe(false);
		expect(mayJoinRoom(lobby, 'merchant:m9', all)).toBe(false);
		// A screen over every district holds the city, as a city supervisor does.
		expect(mayJoinRoom(screenOf(all), 'city', all)).toBe(true);
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
