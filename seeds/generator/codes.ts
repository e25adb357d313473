import type { Rng } from './rng';

/** GB 32100-2015 alphabet: digits and capitals without I, O, S, V, Z. */
const creditAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Who registered the entity: the first two characters of a credit code. */
export type CreditCodeKind = 'company' | 'individual' | 'public_institution';
const kindPrefix: Record<CreditCodeKind, string> = {
	company: '91',
	individual: '92',
	public_institution: '12'
};

/**
 * A 统一社会信用代码 with a correct check character (GB 32100-2015): prefix, the 6-digit
 * administrative code, 9 characters of organisation code, then the mod-31 check.
 */
export function creditCode(rng: Rng, kind: CreditCodeKind, adminCode: string): string {
	let body = kindPrefix[kind] + adminCode;
	for (let i = 0; i < 9; i++) body += creditAlphabet[rng.int(0, 30)];
	let sum = 0;
	for (let i = 0; i < 17; i++) {
		sum += creditAlphabet.indexOf(body[i] as string) * (creditWeights[i] as number);
	}
	const check = (31 - (sum % 31)) % 31;
	return body + creditAlphabet[check];
}

/**
 * 食品经营许可证编号: "JY", the main business digit (1 sales, 2 catering, 3 unit canteen),
 * the 6-digit district code, a 6-digit serial and one check digit, e.g. JY13701020012345.
 */
export function foodBusinessLicenceNumber(
	category: 1 | 2 | 3,
	adminCode: string,
	serial: number
): string {
	const body = `${category}${adminCode}${String(serial % 1_000_000).padStart(6, '0')}`;
	let sum = 0;
	for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (i + 1);
	return `JY${body}${sum % 10}`;
}

/** 食品摊贩登记证 number: stalls are registered, not licensed. */
export function stallRegistrationNumber(adminCode: string, year: number, serial: number): string {
	return `TF${adminCode}${year}${String(serial % 100_000).padStart(5, '0')}`;
}

const mobilePrefixes = [
	'130',
	'131',
	'135',
	'136',
	'137',
	'138',
	'139',
	'150',
	'151',
	'152',
	'155',
	'158',
	'159',
	'177',
	'180',
	'186',
	'187',
	'188',
	'189',
	'199'
];

export function mobilePhone(rng: Rng): string {
	return rng.pick(mobilePrefixes) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** 健康证 number as Jinan's health centres print it: city code, year, serial. */
export function healthCertificateNumber(rng: Rng, year: number): string {
	return `JNJK${year}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}
