import { creditCode } from './codes';
import { isIsoDate } from './dates';
import { loadDistrictAreas } from './geo';
import { buildMerchant } from './merchant';
import type { DemoDistrict, GenerateOptions, Supplier } from './model';
import { supplierName } from './names';
import { createRng } from './rng';

export const DEFAULT_MERCHANTS = 2_000;
export const MAX_MERCHANTS = 200_000;

/**
 * The demo city: merchants placed inside Jinan's districts with licences, staff, suppliers,
 * stock and devices. Pure and deterministic: the same options give the same district.
 */
export function generateDistrict(options: GenerateOptions): DemoDistrict {
	const count = options.merchants ?? DEFAULT_MERCHANTS;
	const badShare = options.badShare ?? 0.08;
	if (!Number.isInteger(count) || count < 1 || count > MAX_MERCHANTS) {
		throw new RangeError(`merchants must be an integer in 1..${MAX_MERCHANTS}, got ${count}`);
	}
	if (!(badShare >= 0 && badShare <= 1)) {
		throw new RangeError(`badShare must be in 0..1, got ${badShare}`);
	}
	if (!isIsoDate(options.today)) {
		throw new RangeError(`today must be YYYY-MM-DD, got ${options.today}`);
	}

	const root = createRng(options.seed);
	const areas = loadDistrictAreas();
	const areaPick = areas.map((a) => [a, a.weight] as const);

	const supplierRng = root.fork('suppliers');
	const suppliers: Supplier[] = Array.from(
		{ length: Math.max(40, Math.ceil(count / 25)) },
		(_, i) => ({
			id: `s${String(i + 1).padStart(5, '0')}`,
			name: supplierName(supplierRng),
			creditCode: creditCode(supplierRng, 'company', supplierRng.pick(areas).id)
		})
	);

	const shares = {
		expired: options.expiredLicenceShare ?? 0.03,
		expiring: options.expiringLicenceShare ?? 0.05
	};
	const merchants = Array.from({ length: count }, (_, i) => {
		const rng = root.fork(`merchant:${i + 1}`);
		const area = rng.weighted(areaPick);
		const bad = rng.chance(badShare);
		return buildMerchant(rng, i + 1, area, options.today, bad, suppliers, shares);
	});

	return { seed: options.seed, today: options.today, badShare, merchants, suppliers };
}
