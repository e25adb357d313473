import { describe, expect, it } from 'vitest';
import { businessTypes, districts } from '../../src/lib/domain/index';
import { daysBetween } from './dates';
import { generateDistrict } from './district';
import { containsPoint, loadDistrictAreas } from './geo';

const today = '2026-11-28';
const district = generateDistrict({ seed: 20261128, today });

/** GB 32100-2015 check character. */
function creditCodeValid(code: string): boolean {
	const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
	const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += alphabet.indexOf(code[i] as string) * (weights[i] as number);
	return alphabet[(31 - (sum % 31)) % 31] === code[17];
}

describe('generator', () => {
	it('generator - same seed and day give an identical district', () => {
		const again = generateDistrict({ seed: 20261128, today });
		expect(JSON.stringify(again)).toBe(JSON.stringify(district));
		const other = generateDistrict({ seed: 1, today });
		expect(other.merchants[0]?.name).not.toBe(undefined);
		expect(JSON.stringify(other.merchants.slice(0, 20))).not.toBe(
			JSON.stringify(district.merchants.slice(0, 20))
		);
	});

	it('generator - default is 2,000 merchants with every business type', () => {
		expect(district.merchants).toHaveLength(2_000);
		const counts = new Map<string, number>();
		for (const m of district.merchants) {
			counts.set(m.businessType, (counts.get(m.businessType) ?? 0) + 1);
		}
		for (const type of businessTypes) expect(counts.get(type) ?? 0).toBeGreaterThanOrEqual(40);
		expect(counts.get('restaurant')).toBeGreaterThan(counts.get('supermarket') ?? 0);
	});

	it('generator - ids are stable, unique and valid subject tokens', () => {
		expect(district.merchants[122]?.id).toBe('m000123');
		const ids = new Set(district.merchants.map((m) => m.id));
		expect(ids.size).toBe(2_000);
		for (const m of district.merchants) {
			for (const id of [
				m.id,
				m.licence.licenceId,
				...m.staff.map((s) => s.id),
				...m.devices.map((d) => d.deviceId)
			]) {
				expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
			}
		}
	});

	it('generator - every merchant lies inside its district polygon, most in the urban five', () => {
		const areas = new Map(loadDistrictAreas().map((a) => [a.id, a]));
		expect([...areas.keys()].sort()).toEqual(districts.map((d) => d.id).sort());
		let urban = 0;
		for (const m of district.merchants) {
			const area = areas.get(m.districtId);
			expect(area, m.districtId).toBeDefined();
			expect(containsPoint(area!, m.location.lon, m.location.lat), m.id).toBe(true);
			if (['370102', '370103', '370104', '370105', '370112'].includes(m.districtId)) urban++;
		}
		expect(urban / 2_000).toBeGreaterThan(0.65);
	});

	it('generator - credit codes, licence numbers and addresses have the official shape', () => {
		for (const m of district.merchants) {
			expect(m.creditCode).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
			expect(creditCodeValid(m.creditCode), m.creditCode).toBe(true);
			expect(m.creditCode.slice(2, 8)).toBe(m.districtId);
			if (m.licence.kind === 'food_business') expect(m.licence.number).toMatch(/^JY[123]\d{13}$/);
			expect(m.address.startsWith('济南市')).toBe(true);
		}
	});

	it('generator - about 3% of licences expired and 5% expiring within 30 days', () => {
		const big = generateDistrict({ seed: 5, merchants: 20_000, today });
		let expired = 0;
		let expiring = 0;
		for (const m of big.merchants) {
			const left = daysBetween(today, m.licence.validTo);
			if (left < 0) expired++;
			else if (left <= 30) expiring++;
			expect(m.licence.validFrom <= m.licence.validTo).toBe(true);
		}
		expect(expired / 20_000).toBeGreaterThan(0.025);
		expect(expired / 20_000).toBeLessThan(0.035);
		expect(expiring / 20_000).toBeGreaterThan(0.044);
		expect(expiring / 20_000).toBeLessThan(0.056);
	});

	it('generator - misconduct share follows badShare and bad merchants let health certificates lapse', () => {
		const bad = district.merchants.filter((m) => m.misconduct);
		expect(bad.length / 2_000).toBeGreaterThan(0.06);
		expect(bad.length / 2_000).toBeLessThan(0.1);
		const lapsed = (ms: typeof bad) => {
			const staff = ms.flatMap((m) => m.staff);
			return staff.filter((s) => s.healthCertificate.validTo < today).length / staff.length;
		};
		expect(lapsed(bad)).toBeGreaterThan(
			lapsed(district.merchants.filter((m) => !m.misconduct)) * 3
		);
		expect(
			generateDistrict({ seed: 1, merchants: 200, today, badShare: 0 }).merchants.some(
				(m) => m.misconduct
			)
		).toBe(false);
	});

	// How fast is a benchmark's question (the benches generate 100,000 and print their times),
	// not a test's: a timed assertion fails on a busy machine.
	it('generator - 100,000 merchants, numbered through', () => {
		const big = generateDistrict({ seed: 20261128, merchants: 100_000, today });
		expect(big.merchants).toHaveLength(100_000);
		expect(big.merchants[99_999]?.id).toBe('m100000');
	}, 60_000);

	it('generator - rejects a bad merchant count or day', () => {
		expect(() => generateDistrict({ seed: 1, merchants: 0, today })).toThrow(/merchants/);
		expect(() => generateDistrict({ seed: 1, today: '28.11.2026' })).toThrow(/today/);
	});
});
