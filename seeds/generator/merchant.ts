import type { BusinessType } from '../../src/lib/domain/index';
import { assortment, catalogue } from './catalogue';
import {
	creditCode,
	foodBusinessLicenceNumber,
	healthCertificateNumber,
	mobilePhone,
	stallRegistrationNumber
} from './codes';
import { addDays, addYears } from './dates';
import { samplePoint, type DistrictArea } from './geo';
import type { Device, Licence, Merchant, Scale, StaffMember, StockItem, Supplier } from './model';
import {
	deviceShare,
	licenceCategory,
	scaleMix,
	scopes,
	staffRange,
	businessTypeMix
} from './merchant-mix';
import { merchantName, personName } from './names';
import { market, road } from './places';
import type { Rng } from './rng';

export interface LicenceShares {
	expired: number;
	expiring: number;
}

/** One merchant, drawn from its own forked stream so merchants do not depend on each other. */
export function buildMerchant(
	rng: Rng,
	index: number,
	area: DistrictArea,
	today: string,
	bad: boolean,
	suppliers: readonly Supplier[],
	shares: LicenceShares
): Merchant {
	const id = `m${String(index).padStart(6, '0')}`;
	const businessType = rng.weighted(businessTypeMix);
	const scale = rng.weighted(scaleMix[businessType]);
	const [lon, lat] = samplePoint(area, rng);
	const street = road(rng, area.id);
	const marketName = market(rng, area.id, area.name);
	const name = merchantName(rng, businessType, area.name, street, marketName);
	const address =
		businessType === 'market_stall'
			? `济南市${area.name}${marketName}${rng.int(1, 12)}区${rng.int(1, 80)}号`
			: `济南市${area.name}${street}${rng.int(1, 399)}号`;
	const codeKind =
		businessType === 'school_canteen'
			? 'public_institution'
			: scale === 'small'
				? 'individual'
				: 'company';

	return {
		id,
		districtId: area.id,
		name,
		creditCode: creditCode(rng, codeKind, area.id),
		businessType,
		scale,
		address,
		location: { lon, lat },
		contact: { name: personName(rng), phone: mobilePhone(rng) },
		licence: buildLicence(rng, id, index, businessType, area, today, shares),
		staff: buildStaff(rng, id, businessType, scale, today, bad),
		stock: buildStock(rng, businessType, suppliers),
		menu: assortment[businessType].sells === 'dishes' ? pickSome(rng, catalogue.dish, 4, 8) : [],
		devices: buildDevices(rng, id, businessType, scale),
		misconduct: bad
	};
}

function buildLicence(
	rng: Rng,
	merchantId: string,
	index: number,
	type: BusinessType,
	area: DistrictArea,
	today: string,
	shares: LicenceShares
): Licence {
	const r = rng.next();
	const validTo =
		r < shares.expired
			? addDays(today, -rng.int(1, 180))
			: r < shares.expired + shares.expiring
				? addDays(today, rng.int(0, 30))
				: addDays(today, rng.int(31, 5 * 365 - 1));
	// Food business licences run five years (食品经营许可管理办法).
	const validFrom = addDays(addYears(validTo, -5), 1);
	const category = licenceCategory[type];
	const stall = type === 'market_stall';
	return {
		licenceId: `${merchantId}-L1`,
		kind: stall ? 'other' : 'food_business',
		number: stall
			? stallRegistrationNumber(area.id, Number(validFrom.slice(0, 4)), index)
			: foodBusinessLicenceNumber(category, area.id, index),
		scope: scopes[category],
		validFrom,
		validTo,
		authority: `济南市${area.name}市场监督管理局`
	};
}

function buildStaff(
	rng: Rng,
	merchantId: string,
	type: BusinessType,
	scale: Scale,
	today: string,
	bad: boolean
): StaffMember[] {
	const [min, max] = staffRange[scale];
	const count = rng.int(min, max);
	const cooking = assortment[type].sells === 'dishes';
	const staff: StaffMember[] = [];
	for (let i = 0; i < count; i++) {
		// 健康证 last one year; bad merchants let many lapse.
		const expired = rng.chance(bad ? 0.25 : 0.03);
		const validTo = expired ? addDays(today, -rng.int(1, 120)) : addDays(today, rng.int(0, 364));
		const role: StaffMember['role'] =
			i === 0
				? 'manager'
				: cooking
					? rng.pick(['cook', 'cook', 'helper', 'server'] as const)
					: rng.pick(['seller', 'cashier'] as const);
		staff.push({
			id: `${merchantId}-s${String(i + 1).padStart(2, '0')}`,
			name: personName(rng),
			role,
			healthCertificate: {
				number: healthCertificateNumber(rng, Number(validTo.slice(0, 4)) - 1),
				validFrom: addDays(addYears(validTo, -1), 1),
				validTo
			}
		});
	}
	return staff;
}

function buildStock(rng: Rng, type: BusinessType, suppliers: readonly Supplier[]): StockItem[] {
	const { stock, stockCount } = assortment[type];
	const pool = stock.flatMap((c) => catalogue[c]);
	// A merchant buys from a handful of regular suppliers, not from the whole city.
	const own = pickSome(rng, suppliers, 1, 4);
	return pickSome(rng, pool, stockCount[0], stockCount[1]).map((product) => ({
		product,
		supplierId: rng.pick(own).id
	}));
}

function buildDevices(rng: Rng, merchantId: string, type: BusinessType, scale: Scale): Device[] {
	if (!rng.chance(deviceShare[type])) return [];
	const count = scale === 'large' ? 3 : scale === 'medium' ? 2 : 1;
	return Array.from({ length: count }, (_, i) => ({
		deviceId: `${merchantId}-d${i + 1}`,
		kind: i === 1 ? 'freezer_temp' : 'fridge_temp'
	}));
}

/** Between min and max distinct items, in list order (partial Fisher–Yates). */
export function pickSome<T>(rng: Rng, items: readonly T[], min: number, max: number): T[] {
	const n = Math.min(items.length, rng.int(min, max));
	const copy = items.slice();
	for (let i = 0; i < n; i++) {
		const j = rng.int(i, copy.length - 1);
		[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
	}
	return copy.slice(0, n);
}
